import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { OPEN_STAGES, type Opportunity } from '@klarkonform/shared';
import type { ContactSummary } from '@klarkonform/shared/ui';
import { type FormEvent, useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { ContactPicker } from './ContactPicker';
import { createOf, EMPTY_FORM, type FormErrors, type OpportunityForm } from './opportunity-form';
import { OpportunityFields } from './OpportunityFields';
import { usePipelineText } from './usePipelineText';

const useStyles = makeStyles({
  surface: { maxWidth: '640px' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface NewOpportunityDialogProps {
  onCreated: (opportunity: Opportunity) => void;
  onCancel: () => void;
}

// "Neue Verkaufschance": pick the contact, then the fields. The create carries one
// Idempotency-Key per dialog, so a double click or a retry never makes two.
export function NewOpportunityDialog({ onCreated, onCancel }: NewOpportunityDialogProps) {
  const styles = useStyles();
  const { pt, language } = usePipelineText();
  const { tt } = useTabText();
  const { api } = useServices();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [contact, setContact] = useState<ContactSummary | undefined>();
  const [form, setForm] = useState<OpportunityForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const result = createOf(form, contact?.id, language);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    setFailure(undefined);
    try {
      onCreated((await api.createOpportunity(result.body, idempotencyKey)).opportunity);
    } catch (error) {
      setFailure(error);
      setSaving(false);
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{pt('pipeline.new')}</DialogTitle>
            <DialogContent className={styles.content}>
              <ContactPicker
                picked={contact}
                onPick={setContact}
                validationMessage={errors.contact ? pt(errors.contact) : undefined}
              />
              <OpportunityFields
                form={form}
                errors={errors}
                disabled={saving}
                onChange={setForm}
                stages={OPEN_STAGES}
              />
              {failure !== undefined && <ProblemBar error={failure} onDismiss={() => setFailure(undefined)} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onCancel}>
                {tt('common.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={saving}>
                {saving ? pt('editor.saving') : pt('editor.create')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
