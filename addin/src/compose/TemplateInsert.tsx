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
import { type ApiClient, ApiError, type TemplatePurpose, type TemplateSummary } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CardStore } from '../features/cards/card-store';
import type { ComposeSurface } from '../office/mailbox-host';
import { readSession, templateEntries } from './compose-session';
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
/** Placeholders that address one person: filled for one recipient, they are wrong for the others. */
const PERSONAL_PLACEHOLDERS: readonly string[] = ['briefanrede', 'vorname', 'nachname'];

export interface TemplateInsertProps {
  surface: ComposeSurface;
  api: ApiClient;
  recipients: readonly Recipient[];
  store: CardStore;
  /** After a template went into the mail (its session data written). */
  onInserted: (template: { id: string; name: string; purpose: TemplatePurpose }) => void;
  /** Names of recipients without marketing consent, warned about as soon as a marketing template is selected. */
  lacking: readonly string[];
}

type Outcome = { ok: true; lines: string[] } | { ok: false; text: string };

/**
 * "Vorlage einfügen": a template (grouped by purpose, marketing marked) filled for one known
 * recipient (the first in To unless chosen) goes in at the cursor; an empty subject takes the
 * template's; the purpose, id and name go into the session data for the send check.
 */
export function TemplateInsert({ surface, api, recipients, store, onInserted, lacking }: TemplateInsertProps) {
  const styles = useStyles();
  const { c } = useComposeText();
  const [templates, setTemplates] = useState<TemplateSummary[] | null | 'failed'>(null);
  const [templateId, setTemplateId] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  const loading = useRef<AbortController | undefined>(undefined);

  // Loads the list; a reload (the picker opened, a template gone) keeps the shown list if it fails.
  // Resolves with the loaded list (undefined when it failed or a newer load took over).
  const load = useCallback(
    (reload: boolean): Promise<TemplateSummary[] | undefined> => {
      loading.current?.abort();
      const abort = new AbortController();
      loading.current = abort;
      return api.listTemplates(abort.signal).then(
        (list) => {
          if (abort.signal.aborted) return undefined;
          setTemplates(list.items);
          setTemplateId((id) => (list.items.some((x) => x.id === id) ? id : ''));
          return list.items;
        },
        () => {
          if (!abort.signal.aborted && !reload) setTemplates('failed');
          return undefined;
        },
      );
    },
    [api],
  );

  useEffect(() => {
    void load(false);
    return () => loading.current?.abort();
  }, [load]);

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
      // The mail's purpose as written now (another template may have gone in): inserting only raises it.
      const current = readSession(await surface.getSessionData().catch(() => ({}))).purpose;
      for (const [key, value] of templateEntries(used, current)) await surface.setSessionData(key, value);
      onInserted(used);
      const lines = [c('compose.inserted', { name: template.name, contact: target.contact.displayName })];
      if (recipients.length > 1 && template.placeholders.some((p) => PERSONAL_PLACEHOLDERS.includes(p))) {
        lines.push(c('compose.personalisedFor', { contact: target.contact.displayName }));
      }
      if (subjectSet) lines.push(c('compose.subjectSet'));
      if (rendered.emptyPlaceholders.length > 0) {
        lines.push(
          c('compose.emptyPlaceholders', { names: rendered.emptyPlaceholders.map((p) => `{{${p}}}`).join(', ') }),
        );
      }
      setOutcome({ ok: true, lines });
    } catch (err) {
      // A 404 is the template or the contact; the reloaded list tells which.
      const reloaded = err instanceof ApiError && err.status === 404 ? await load(true) : undefined;
      const gone = reloaded !== undefined && !reloaded.some((x) => x.id === template.id);
      setOutcome({ ok: false, text: c(gone ? 'compose.templateGone' : 'compose.insertFailed') });
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
          onFocus={() => void load(true)}
          onChange={(_, d) => {
            setTemplateId(d.value);
            setOutcome(undefined);
          }}
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
      {template?.purpose === 'marketing' && lacking.length > 0 && (
        <MessageBar intent="warning" data-testid="marketing-selected">
          <MessageBarBody>{c('compose.marketingSelected', { names: lacking.join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
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
