import { record, records, text, valueAtPath } from '../json';
import { ADDIN_VERSION } from '../settings';
import { type ValidationProblem, problem } from './problem';
import { checkLocalizationSchema } from './schema';

// Rules on the unified manifest beyond its schema: the add-in version format,
// distinct ids for the two manifest versions, and localization files that
// exist, match their schema and only translate strings the manifest has.

export function checkVersion(manifest: unknown): ValidationProblem[] {
  const version = record(manifest).version;
  return typeof version === 'string' && ADDIN_VERSION.test(version)
    ? []
    : [
        problem(
          'version',
          'version',
          `${JSON.stringify(version)} is not a valid add-in version: use n.n.n with at most five digits per part and no suffix (e.g. 1.4.0)`,
        ),
      ];
}

export function hiddenAddinIds(manifest: unknown): string[] {
  return records(record(manifest).extensions).flatMap((extension) =>
    records(extension.alternates).flatMap((alternate) => {
      const id = text(record(record(alternate.hide).customOfficeAddin).officeAddinId);
      return id === undefined ? [] : [id];
    }),
  );
}

export function checkDistinctIds(manifest: unknown): ValidationProblem[] {
  const id = text(record(manifest).id)?.toLowerCase();
  return hiddenAddinIds(manifest).some((hidden) => hidden.toLowerCase() === id)
    ? [
        problem(
          'xml',
          'extensions[0].alternates',
          `the hidden add-in id equals the app id ${id}; the XML manifest needs an id of its own`,
        ),
      ]
    : [];
}

export async function checkLocalization(
  manifest: unknown,
  files: ReadonlyMap<string, Buffer>,
): Promise<ValidationProblem[]> {
  const problems: ValidationProblem[] = [];
  const info = record(record(manifest).localizationInfo);
  const languageFiles = records(info.additionalLanguages).map((l, i) => ({
    where: `localizationInfo.additionalLanguages[${i}].file`,
    file: text(l.file),
  }));
  if (text(info.defaultLanguageFile)) {
    languageFiles.push({ where: 'localizationInfo.defaultLanguageFile', file: text(info.defaultLanguageFile) });
  }
  for (const { where, file } of languageFiles) {
    if (file === undefined) continue;
    const data = files.get(file);
    if (!data) {
      problems.push(problem('localization', where, `${file} is not in the app package`));
      continue;
    }
    let strings: unknown;
    try {
      strings = JSON.parse(data.toString('utf8'));
    } catch (err) {
      problems.push(problem('localization', file, `is not valid JSON (${(err as Error).message})`));
      continue;
    }
    problems.push(...(await checkLocalizationSchema(strings, file)));
    for (const key of Object.keys(record(strings))) {
      if (key === '$schema' || key === 'localizationKeys') continue;
      if (typeof valueAtPath(manifest, key) !== 'string') {
        problems.push(
          problem('localization', `${file} "${key}"`, 'translates a string that the manifest does not have'),
        );
      }
    }
  }
  return problems;
}
