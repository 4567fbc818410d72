import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Contact, ContactSummary } from '../../contacts/contact.schema';
import { useApi } from '../api-context';
import { FormActions } from '../forms/FormActions';
import { useUiText } from '../i18n/useUiText';
import { type CompanyRef, emptyDraft } from './create-model';
import { CreateContactForm } from './CreateContactForm';

const useStyles = makeStyles({
  surface: { width: 'min(560px, calc(100vw - 32px))', maxWidth: '100%' },
});

export interface NewContactDialogProps {
  open: boolean;
  /** What the form starts as; the user may switch (unless `companyId` is given). Default: person. */
  kind?: 'person' | 'company';
  /** Creates a person at this company (data care: "Keine Ansprechpartner"); the company is fixed. */
  companyId?: string;
  /** The company's name, shown while it loads (its relationships come from the API). */
  companyName?: string;
  onCreated(contact: Contact): void;
  onCancel(): void;
  /** "Vorhandenen öffnen" for a possible duplicate; without it the warning only lists them. */
  onOpenExisting?(contact: ContactSummary): void;
}

type CompanyState =
  | { phase: 'loading' }
  | { phase: 'ready'; company: CompanyRef }
  | { phase: 'failed'; reason: string };

// The company a contact person is added to, with its relationships: a person at a customer
// starts as that customer's contact, not as a lead.
function useCompany(companyId: string | undefined, companyName: string | undefined): CompanyState | undefined {
  const api = useApi();
  const [state, setState] = useState<CompanyState | undefined>(companyId ? { phase: 'loading' } : undefined);
  useEffect(() => {
    if (!companyId) return;
    const controller = new AbortController();
    setState({ phase: 'loading' });
    api.getContact(companyId, controller.signal).then(
      (company) =>
        setState({
          phase: 'ready',
          company: {
            id: company.id,
            name: company.kind === 'company' ? company.name : (companyName ?? company.displayName),
            relationships: company.relationships,
          },
        }),
      (err: unknown) => {
        if (!controller.signal.aborted)
          setState({ phase: 'failed', reason: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => controller.abort();
  }, [api, companyId, companyName]);
  return state;
}

function DialogForm({ kind, companyId, companyName, onCreated, onCancel, onOpenExisting }: NewContactDialogProps) {
  const { t } = useUiText();
  const company = useCompany(companyId, companyName);
  const title = companyId
    ? t('create.newPersonAt', { company: company?.phase === 'ready' ? company.company.name : (companyName ?? '') })
    : t('create.newHeading');
  return (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {company?.phase === 'loading' && <Spinner size="small" label={t('create.companyLoading')} />}
        {company?.phase === 'failed' && (
          <>
            <MessageBar intent="error">
              <MessageBarBody>{t('create.companyLoadFailed', { reason: company.reason })}</MessageBarBody>
            </MessageBar>
            <FormActions>
              <Button onClick={onCancel}>{t('form.cancel')}</Button>
            </FormActions>
          </>
        )}
        {(company === undefined || company.phase === 'ready') && (
          <CreateContactForm
            initial={emptyDraft({
              ...(kind ? { target: kind } : {}),
              ...(company?.phase === 'ready' ? { company: company.company } : {}),
            })}
            label={title}
            showHeading={false}
            companyLocked={company !== undefined}
            onCreated={onCreated}
            onOpenExisting={onOpenExisting}
            onCancel={onCancel}
          />
        )}
      </DialogContent>
    </DialogBody>
  );
}

/**
 * "Neuer Kontakt" as a dialog, for the Teams tab and data care: creates a person or a company
 * from an empty form (an e-mail address is optional), or, with `companyId`, a contact person at
 * that company. Closing it (Escape, "Abbrechen") calls `onCancel`; each opening starts afresh.
 */
export function NewContactDialog(props: NewContactDialogProps) {
  const styles = useStyles();
  return (
    <Dialog
      open={props.open}
      modalType="modal"
      onOpenChange={(_event, data) => {
        if (!data.open) props.onCancel();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogForm {...props} />
      </DialogSurface>
    </Dialog>
  );
}
