import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FakeComposeState } from '../office/fake-compose';
import type { EmailAddress } from '../office/mailbox-host';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  heading: { margin: 0, flexGrow: 1 },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  chip: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  add: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  grow: { flexGrow: 1 },
  body: {
    minHeight: '160px',
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: 'anywhere',
  },
  session: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    margin: 0,
  },
});

/** "Name <address>" or a bare address as a recipient; null when it holds no address. */
export function parseRecipient(input: string): EmailAddress | null {
  const text = input.trim();
  const angled = /^(.*)<\s*([^<>\s]+@[^<>\s]+)\s*>$/.exec(text);
  if (angled?.[2]) return { name: (angled[1] ?? '').trim().replace(/^"|"$/g, '') || angled[2], email: angled[2] };
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? { name: text, email: text } : null;
}

type Line = 'to' | 'cc';

export interface ComposeWindowProps {
  draft: FakeComposeState;
  texts: Record<string, string>;
  /** The user changed To or Cc (the pane hears it as RecipientsChanged). */
  onRecipients: (recipients: FakeComposeState['recipients']) => void;
  /** "Senden": the demo runs the send check (the real OnMessageSend handler) first. */
  onSend: () => void;
  /** The send check is running: "Senden" waits. */
  sending: boolean;
  /** Why sending could not be checked (the event runtime did not answer). */
  problem?: string | undefined;
}

/**
 * The demo's "Neue E-Mail": To and Cc to edit, and the subject, body and session data as the pane
 * left them (the body is the server's sanitised template HTML, shown as Outlook would).
 */
export function ComposeWindow({ draft, texts, onRecipients, onSend, sending, problem }: ComposeWindowProps) {
  const styles = useStyles();
  const [typed, setTyped] = useState<Record<Line, string>>({ to: '', cc: '' });
  const [invalid, setInvalid] = useState<Line | undefined>();

  const add = (field: Line) => {
    const recipient = parseRecipient(typed[field]);
    if (!recipient) {
      setInvalid(field);
      return;
    }
    setInvalid(undefined);
    setTyped((t) => ({ ...t, [field]: '' }));
    const key = recipient.email.toLowerCase();
    if (draft.recipients[field].some((r) => r.email.toLowerCase() === key)) return;
    onRecipients({ ...draft.recipients, [field]: [...draft.recipients[field], recipient] });
  };
  const remove = (field: Line, index: number) =>
    onRecipients({ ...draft.recipients, [field]: draft.recipients[field].filter((_, i) => i !== index) });

  return (
    <article className={styles.root} aria-label={texts.newMail}>
      <div className={styles.top}>
        <Text as="h2" size={500} weight="semibold" className={styles.heading}>
          {texts.newMail}
        </Text>
        <Button
          appearance="primary"
          disabled={sending}
          icon={sending ? <Spinner size="tiny" /> : undefined}
          onClick={onSend}
        >
          {sending ? texts.sending : texts.send}
        </Button>
      </div>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {(['to', 'cc'] as const).map((field) => (
        <section key={field} aria-label={texts[field]} data-testid={`compose-${field}`}>
          <form
            className={styles.add}
            onSubmit={(event) => {
              event.preventDefault();
              add(field);
            }}
          >
            <Field
              className={styles.grow}
              label={texts[field]}
              validationMessage={invalid === field ? texts.invalidAddress : undefined}
            >
              <Input
                value={typed[field]}
                placeholder="Name <name@firma.de>"
                onChange={(_, d) => setTyped((t) => ({ ...t, [field]: d.value }))}
              />
            </Field>
            <Button type="submit">{texts.addRecipient}</Button>
          </form>
          {/* Under its line's label and input, as Outlook lists the resolved addresses in the field. */}
          <ul className={styles.chips}>
            {draft.recipients[field].map((r, i) => (
              <li key={r.email} className={styles.chip}>
                <Text size={200}>{r.name === r.email ? r.email : `${r.name} <${r.email}>`}</Text>
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={`${texts.remove} ${r.email}`}
                  onClick={() => remove(field, i)}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <Field label={texts.subject}>
        <Input value={draft.subject} readOnly data-testid="compose-subject" />
      </Field>
      <Field label={texts.body}>
        {/* The server sanitised the template HTML (allowed tags only); Outlook shows it the same way. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised template HTML from the API */}
        <div className={styles.body} data-testid="compose-body" dangerouslySetInnerHTML={{ __html: draft.bodyHtml }} />
      </Field>
      <details>
        <summary>{texts.sessionData}</summary>
        <pre className={styles.session} data-testid="compose-session">
          {JSON.stringify(draft.sessionData, null, 2)}
        </pre>
      </details>
    </article>
  );
}
