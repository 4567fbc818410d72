import {
  Button,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import { LEAD_SOURCES, LEAD_STATUSES, type LeadSource, type LeadStatus } from '../../contacts/contact-enums.schema';
import { OPEN_LEAD_STATUSES } from '../../contacts/contact.rules';
import type { Contact } from '../../contacts/contact.schema';
import { allowedLeadTargets, leadStatusEditMode, leadStatusOf } from '../../contacts/lead-status.rules';
import { useFormStyles } from '../forms/form-styles';
import { useUiText } from '../i18n/useUiText';
import { useLeadStatus } from '../lead/useLeadStatus';
import type { EditDraft } from './edit-model';
import { EditorFieldBox } from './EditorFieldBox';

export interface LeadFieldsProps {
  draft: EditDraft;
  update: (patch: Partial<EditDraft>) => void;
  disabled: boolean;
  /** The contact as last saved: its lead status decides which changes the status field offers. */
  contact: Contact;
  /** A lead action changed the contact (saved already): the editor takes the new version. */
  onActionDone: (contact: Contact) => void;
}

/** The statuses the field lists: the saved one and those the state machine allows from it. */
function statusOptions(saved: LeadStatus | undefined): LeadStatus[] {
  if (saved === undefined) return [...OPEN_LEAD_STATUSES];
  const allowed = new Set([saved, ...allowedLeadTargets(saved)]);
  return LEAD_STATUSES.filter((status) => allowed.has(status));
}

// Lead-Quelle, Status, nächste Schritte, Budget, Zeitrahmen. The status field offers the lead
// state machine's changes (shared lead-status.rules.ts): between open statuses it is an edit,
// saved with the rest; "Gewonnen", "Verloren", "Archiviert" and reopening run the same action
// as the lead review's buttons, with the same dialogs, right away, and offer "Rückgängig".
export function LeadFields({ draft, update, disabled, contact, onActionDone }: LeadFieldsProps) {
  const styles = useFormStyles();
  const { t } = useUiText();
  const lead = useLeadStatus(
    useCallback(
      (changed: readonly Contact[]) => {
        const own = changed.find((c) => c.id === contact.id);
        if (own) onActionDone(own);
      },
      [contact.id, onActionDone],
    ),
  );
  const saved = leadStatusOf(contact);
  const busy = lead.busyId !== undefined;

  const choose = (value: LeadStatus | '') => {
    const mode = leadStatusEditMode(saved, value || undefined);
    if (mode === 'action' && value) lead.request(contact, value);
    else if (mode !== 'refused') update({ leadStatus: value });
  };

  return (
    <>
      <div className={styles.row}>
        <EditorFieldBox field="lead.source" label={t('field.leadSource')}>
          <Select
            value={draft.leadSource}
            disabled={disabled}
            data-field="lead.source"
            onChange={(_, data) => update({ leadSource: data.value as LeadSource | '' })}
          >
            <option value="">{t('form.none')}</option>
            {LEAD_SOURCES.map((value) => (
              <option key={value} value={value}>
                {t(`leadSource.${value}`)}
              </option>
            ))}
          </Select>
        </EditorFieldBox>
        <EditorFieldBox field="lead.status" label={t('field.leadStatus')}>
          <Select
            value={draft.leadStatus}
            disabled={disabled || busy}
            data-field="lead.status"
            onChange={(_, data) => choose(data.value as LeadStatus | '')}
          >
            {contact.lead?.status === undefined && <option value="">{t('form.none')}</option>}
            {statusOptions(saved).map((value) => (
              <option key={value} value={value}>
                {t(`leadStatus.${value}`)}
              </option>
            ))}
          </Select>
        </EditorFieldBox>
      </div>
      {busy && <Spinner size="tiny" label={t('leadAction.running')} />}
      {lead.notice && (
        <MessageBar intent="success" layout="multiline" data-testid="lead-notice">
          <MessageBarBody>{lead.notice.text}</MessageBarBody>
          {lead.notice.undo && (
            <MessageBarActions>
              <Button onClick={lead.notice.undo}>{t('leadDone.undo')}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {lead.failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('form.saveFailed', {
              reason: lead.failure.error instanceof Error ? lead.failure.error.message : String(lead.failure.error),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {lead.dialog}
      <EditorFieldBox field="lead.sourceDetail" label={t('field.sourceDetail')}>
        <Input
          value={draft.leadSourceDetail}
          disabled={disabled}
          data-field="lead.sourceDetail"
          onChange={(_, data) => update({ leadSourceDetail: data.value })}
        />
      </EditorFieldBox>
      <EditorFieldBox field="lead.nextSteps" label={t('field.nextSteps')}>
        <Textarea
          value={draft.leadNextSteps}
          disabled={disabled}
          resize="vertical"
          data-field="lead.nextSteps"
          onChange={(_, data) => update({ leadNextSteps: data.value })}
        />
      </EditorFieldBox>
      <div className={styles.row}>
        <EditorFieldBox field="lead.budget.minEur" label={t('form.budgetMin')}>
          <Input
            inputMode="numeric"
            value={draft.budgetMin}
            disabled={disabled}
            data-field="lead.budget.minEur"
            onChange={(_, data) => update({ budgetMin: data.value })}
          />
        </EditorFieldBox>
        <EditorFieldBox field="lead.budget.maxEur" label={t('form.budgetMax')}>
          <Input
            inputMode="numeric"
            value={draft.budgetMax}
            disabled={disabled}
            data-field="lead.budget.maxEur"
            onChange={(_, data) => update({ budgetMax: data.value })}
          />
        </EditorFieldBox>
      </div>
      <EditorFieldBox field="lead.timeframe" label={t('field.timeframe')}>
        <Input
          value={draft.timeframe}
          disabled={disabled}
          data-field="lead.timeframe"
          onChange={(_, data) => update({ timeframe: data.value })}
        />
      </EditorFieldBox>
    </>
  );
}
