import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ApiClient, TemplatePurpose, TemplateSummary } from '@klarkonform/shared/ui';
import { useEffect, useMemo, useState } from 'react';
import type { CardStore } from '../features/cards/card-store';
import type { ComposeSurface } from '../office/mailbox-host';
import { templateEntries } from './compose-session';
import { htmlToText, type Recipient } from './recipients';
import { useComposeText } from './useComposeText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
  // A native select is as wide as its longest option; in a 320 px pane it must shrink instead.
  field: { minWidth: 0 },
  selectRoot: { minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

const PURPOSE_ORDER: readonly TemplatePurpose[] = ['transactional', 'personal', 'marketing'];

export interface TemplateInsertProps {
  surface: ComposeSurface;
  api: ApiClient;
  recipients: readonly Recipient[];
  store: CardStore;
  /** After a template went into the mail (its session data written). */
  onInserted: (template: { id: string; name: string; purpose: TemplatePurpose }) => void;
}

type Outcome = { ok: true; lines: string[] } | { ok: false; text: string };

/**
 * "Vorlage einfügen": a template (grouped by purpose, marketing marked) filled for one known
 * recipient (the first in To unless chosen) goes in at the cursor; an empty subject takes the
 * template's; the purpose, id and name go into the session data for the send check.
 */
export function TemplateInsert({ surface, api, recipients, store, onInserted }: TemplateInsertProps) {
  const styles = useStyles();
  const { c } = useComposeText();
  const [templates, setTemplates] = useState<TemplateSummary[] | null | 'failed'>(null);
  const [templateId, setTemplateId] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  useEffect(() => {
    const abort = new AbortController();
    api.listTemplates(abort.signal).then(
      (list) => setTemplates(list.items),
      () => !abort.signal.aborted && setTemplates('failed'),
    );
    return () => abort.abort();
  }, [api]);

  const known = recipients.flatMap((r) => {
    const card = store.get(r.email)?.card;
    return card?.status === 'known' && card.contact ? [{ recipient: r, contact: card.contact }] : [];
  });
  const fallback = known.find((k) => k.recipient.field === 'to') ?? known[0];
  const target = known.find((k) => k.recipient.key === chosen) ?? fallback;
  const groups = useMemo(
    () =>
      Array.isArray(templates)
        ? PURPOSE_ORDER.map((purpose) => ({ purpose, items: templates.filter((x) => x.purpose === purpose) })).filter(
            (g) => g.items.length > 0,
          )
        : [],
    [templates],
  );
  const template = Array.isArray(templates) ? templates.find((x) => x.id === templateId) : undefined;

  async function insert() {
    if (!template || !target) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const rendered = await api.renderTemplate(template.id, target.contact.id);
      await surface.insertAtCursor(rendered.bodyHtml, htmlToText(rendered.bodyHtml));
      const subjectSet = await surface.setSubjectIfEmpty(rendered.subject);
      const used = { id: template.id, name: template.name, purpose: rendered.purpose };
      for (const [key, value] of templateEntries(used)) await surface.setSessionData(key, value);
      onInserted(used);
      const lines = [c('compose.inserted', { name: template.name, contact: target.contact.displayName })];
      if (subjectSet) lines.push(c('compose.subjectSet'));
      if (rendered.emptyPlaceholders.length > 0) {
        lines.push(
          c('compose.emptyPlaceholders', { names: rendered.emptyPlaceholders.map((p) => `{{${p}}}`).join(', ') }),
        );
      }
      setOutcome({ ok: true, lines });
    } catch {
      setOutcome({ ok: false, text: c('compose.insertFailed') });
    } finally {
      setBusy(false);
    }
  }

  if (templates === null) return <Spinner size="tiny" label={c('compose.templatesLoading')} />;
  if (templates === 'failed') return <Text className={styles.hint}>{c('compose.templatesFailed')}</Text>;
  if (templates.length === 0) return <Text className={styles.hint}>{c('compose.templateNone')}</Text>;

  return (
    <div className={styles.root}>
      <Field label={c('compose.templatePick')} className={styles.field}>
        <Select
          className={styles.selectRoot}
          select={{ className: styles.select }}
          value={templateId}
          onChange={(_, d) => setTemplateId(d.value)}
        >
          <option value="">{c('compose.templateChoose')}</option>
          {groups.map((group) => (
            <optgroup key={group.purpose} label={c(`compose.purpose.${group.purpose}`)}>
              {group.items.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.purpose === 'marketing' ? c('compose.marketingMark', { name: x.name }) : x.name}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      {known.length > 1 && (
        <Field label={c('compose.for')} className={styles.field}>
          <Select
            className={styles.selectRoot}
            select={{ className: styles.select }}
            value={target?.recipient.key ?? ''}
            onChange={(_, d) => setChosen(d.value)}
          >
            {known.map((k) => (
              <option key={k.recipient.key} value={k.recipient.key}>
                {k.contact.displayName} ({k.recipient.email})
              </option>
            ))}
          </Select>
        </Field>
      )}
      {known.length === 0 && <Text className={styles.hint}>{c('compose.needsKnown')}</Text>}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!template || !target || busy} onClick={() => void insert()}>
          {busy ? c('compose.inserting') : c('compose.insert')}
        </Button>
      </div>
      {outcome && (
        <MessageBar intent={outcome.ok ? 'success' : 'error'} data-testid="template-outcome">
          <MessageBarBody>{outcome.ok ? outcome.lines.join(' ') : outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
