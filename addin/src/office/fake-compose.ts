import type { ComposeRecipients, ComposeSurface } from './mailbox-host';

/** What a scripted compose item holds: what Outlook would show in the message being written. */
export interface FakeComposeState {
  recipients: ComposeRecipients;
  subject: string;
  /** The body as HTML; inserts go where the cursor is, which here is always the end. */
  bodyHtml: string;
  sessionData: Record<string, string>;
}

// A message being written, scripted by tests and the demo page: they change the recipients (like
// a user typing in To/Cc) and see what the pane inserted, set as subject or stored as session data.
export class FakeComposeItem implements ComposeSurface {
  readonly sessionDataShared = true;
  private state: FakeComposeState;
  private readonly recipientListeners = new Set<() => void>();

  /** `onChange` hears every change the pane makes (the demo page shows it). */
  constructor(
    initial: Partial<FakeComposeState> = {},
    private readonly onChange: (state: FakeComposeState) => void = () => {},
  ) {
    this.state = {
      recipients: { to: [], cc: [], bcc: [] },
      subject: '',
      bodyHtml: '',
      sessionData: {},
      ...initial,
    };
  }

  /** A copy of what the item holds now. */
  snapshot(): FakeComposeState {
    return structuredClone(this.state);
  }

  /** Like the user editing To, Cc or Bcc: Outlook then fires RecipientsChanged. */
  setRecipients(recipients: ComposeRecipients): void {
    this.state = { ...this.state, recipients: structuredClone(recipients) };
    for (const listener of this.recipientListeners) listener();
  }

  getRecipients(): Promise<ComposeRecipients> {
    return Promise.resolve(structuredClone(this.state.recipients));
  }

  onRecipientsChanged(listener: () => void): () => void {
    this.recipientListeners.add(listener);
    return () => this.recipientListeners.delete(listener);
  }

  getSubject(): Promise<string> {
    return Promise.resolve(this.state.subject);
  }

  setSubjectIfEmpty(subject: string): Promise<boolean> {
    if (this.state.subject.trim() !== '' || subject.trim() === '') return Promise.resolve(false);
    this.change({ subject });
    return Promise.resolve(true);
  }

  insertAtCursor(html: string): Promise<void> {
    this.change({ bodyHtml: this.state.bodyHtml + html });
    return Promise.resolve();
  }

  getSessionData(): Promise<Record<string, string>> {
    return Promise.resolve({ ...this.state.sessionData });
  }

  setSessionData(key: string, value: string): Promise<void> {
    this.change({ sessionData: { ...this.state.sessionData, [key]: value } });
    return Promise.resolve();
  }

  private change(part: Partial<FakeComposeState>): void {
    this.state = { ...this.state, ...part };
    this.onChange(this.snapshot());
  }
}
