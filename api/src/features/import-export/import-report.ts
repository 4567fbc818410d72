import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { createTranslator, type ImportRowProblem, type Language, type Translate } from '@klarkonform/shared';
import type { ImportDoc } from './imports.model';
import type { ImportsRepository } from './imports.repository';
import type { ImportPlan } from './import-plan';
import { RESULTS_PER_BLOCK } from './imports.model';

// The result report of an import's last run, one line per row of the file, as CSV for German
// Excel (";", UTF-8 with BOM so that Excel shows umlauts): row, outcome, contact number, duplicate
// verdict, reason, notes on the row's values, then the row's own columns — so that failed rows can
// be corrected in the report itself and imported again. Written a block of rows at a time.

const BOM = '\uFEFF';

function problemText(problem: ImportRowProblem, t: Translate): string {
  const where = problem.column ? ` (${problem.column}${problem.value ? `: ${problem.value}` : ''})` : '';
  return `${t(`importRowProblem.${problem.code}`)}${where}`;
}

/** The report of `doc`'s last run as a stream of CSV text in the reader's language. */
export function importReport(repo: ImportsRepository, doc: ImportDoc, plan: ImportPlan, lang: Language): Readable {
  const t = createTranslator(lang);
  const id = String(doc._id);
  const header = [
    t('field.row'),
    t('field.outcome'),
    t('field.contactNumber'),
    t('field.verdict'),
    t('field.reason'),
    t('field.problems'),
    ...doc.columns.map((c) => c.header),
  ];
  async function* lines(): AsyncGenerator<string> {
    yield BOM + stringify([header], { delimiter: ';', record_delimiter: 'windows' });
    for (let from = 0; from < plan.rows.length; from += RESULTS_PER_BLOCK) {
      const to = Math.min(plan.rows.length, from + RESULTS_PER_BLOCK);
      const results = new Map((await repo.resultsRange(doc.tenantId, id, from, to)).map((r) => [r.index, r]));
      const records = plan.rows.slice(from, to).map((planned) => {
        const stored = results.get(planned.index);
        const result = stored?.result;
        const warnings = planned.reading.problems.filter((p) => p.severity === 'warning');
        return [
          String(planned.row),
          result ? t(`importOutcome.${result.outcome}`) : '',
          result?.contactNumber ?? '',
          stored ? t(`importVerdict.${stored.verdict}`) : '',
          result?.reason ? problemText(result.reason, t) : '',
          warnings.map((p) => problemText(p, t)).join('; '),
          ...planned.cells,
        ];
      });
      yield stringify(records, { delimiter: ';', record_delimiter: 'windows' });
    }
  }
  return Readable.from(lines());
}
