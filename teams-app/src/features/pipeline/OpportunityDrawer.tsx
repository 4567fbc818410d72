import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  OverlayDrawer,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type Opportunity, weightedCents } from '@klarkonform/shared';
import { ApiError, useUiText } from '@klarkonform/shared/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { type FormErrors, formOf, type OpportunityForm, patchOf } from './opportunity-form';
import { OpportunityFields } from './OpportunityFields';
import { usePipelineText } from './usePipelineText';

const useStyles = makeStyles({
  drawer: { width: 'min(560px, 100vw)' },
  form: { display: 'contents' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  facts: { color: tokens.colorNeutralForeground2 },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface OpportunityDrawerProps {
  opportunity: Opportunity | undefined;
  canEdit: boolean;
  onClose: () => void;
  /** After a save or reload; `leadToConvert` after a win of a lead's opportunity (the API's x-lead-to-convert). */
  onChanged: (opportunity: Opportunity, leadToConvert?: string) => void;
}

// An opportunity over the board or list: its fields to edit (saved with If-Match against the
// version shown; 412 offers a reload), its contact, weighted amount and the stage history.
export function OpportunityDrawer({ opportunity, canEdit, onClose, onChanged }: OpportunityDrawerProps) {
  const styles = useStyles();
  const { pt, euro, language, stageName } = usePipelineText();
  const { tt } = useTabText();
  const { date, dateTime } = useUiText();
  const { api } = useServices();
  const [form, setForm] = useState<OpportunityForm | undefined>();
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const key = opportunity ? `${opportunity.id}:${opportunity.version}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new opportunity or version resets the form
  useEffect(() => {
    setForm(opportunity ? formOf(opportunity, language) : undefined);
    setErrors({});
    setFailure(undefined);
  }, [key, language]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!opportunity || !form) return;
    setSaved(false);
    const result = patchOf(form, opportunity, language);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaved(false);
    if (Object.keys(result.patch).length === 0) return;
    setSaving(true);
    setFailure(undefined);
    try {
      const saved = await api.updateOpportunity(opportunity.id, opportunity.version, result.patch);
      onChanged(saved.opportunity, saved.leadToConvert ?? undefined);
      setSaved(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    if (!opportunity) return;
    try {
      onChanged(await api.getOpportunity(opportunity.id));
      setFailure(undefined);
    } catch (error) {
      setFailure(error);
    }
  };

  const conflict = failure instanceof ApiError && failure.isConflict;

  return (
    <OverlayDrawer
      position="end"
      className={styles.drawer}
      open={opportunity !== undefined}
      onOpenChange={(_event, data) => !data.open && onClose()}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" onClick={onClose}>
              {tt('common.close')}
            </Button>
          }
        >
          {opportunity?.title ?? pt('editor.title')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      {opportunity && form && (
        <form onSubmit={(event) => void submit(event)} noValidate className={styles.form}>
          <DrawerBody className={styles.body}>
            <Text className={styles.facts}>
              {[opportunity.contactName, opportunity.companyName].filter(Boolean).join(' · ')} · {pt('field.weighted')}:{' '}
              {euro(weightedCents(opportunity.amountCents, opportunity.probability))}
            </Text>
            <OpportunityFields
              form={form}
              errors={errors}
              disabled={!canEdit || saving}
              onChange={(next) => {
                // What was saved or refused before is not the state of what is typed now.
                setForm(next);
                setSaved(false);
                setFailure(undefined);
              }}
              ownerName={opportunity.ownerName}
            />
            <section aria-labelledby="opportunity-history">
              <h3 id="opportunity-history" className={styles.heading}>
                {pt('field.history')}
              </h3>
              <ol className={styles.history}>
                {opportunity.stageHistory.map((change) => (
                  <li key={`${change.stage}:${change.at}`}>
                    {pt('editor.historyEntry', {
                      stage: stageName(change.stage),
                      date: dateTime(change.at),
                      name: change.by.name,
                    })}
                  </li>
                ))}
              </ol>
              <Text size={200} className={styles.facts}>
                {pt('editor.createdBy', { name: opportunity.createdBy.name, date: date(opportunity.createdAt) })}
              </Text>
            </section>
            {conflict && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{pt('move.conflictTitle')}</MessageBarTitle>
                  {pt('editor.conflict')}
                </MessageBarBody>
                <MessageBarActions>
                  <Button onClick={() => void reload()}>{pt('editor.reload')}</Button>
                </MessageBarActions>
              </MessageBar>
            )}
            {failure !== undefined && !conflict && (
              <ProblemBar error={failure} onDismiss={() => setFailure(undefined)} />
            )}
          </DrawerBody>
          {canEdit && (
            <DrawerFooter className={styles.footer}>
              <Button appearance="primary" type="submit" disabled={saving}>
                {saving ? pt('editor.saving') : pt('editor.save')}
              </Button>
              <Text role="status">{saved && !saving ? pt('editor.saved') : ''}</Text>
            </DrawerFooter>
          )}
        </form>
      )}
    </OverlayDrawer>
  );
}
