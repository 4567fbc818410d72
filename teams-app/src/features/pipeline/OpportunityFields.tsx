import { Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { OPPORTUNITY_STAGES } from '@klarkonform/shared';
import { DateField } from '@klarkonform/shared/ui';
import { useTenantUsers } from '../search/useTenantUsers';
import type { FormErrors, OpportunityForm } from './opportunity-form';
import { usePipelineText } from './usePipelineText';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  wide: { gridColumn: '1 / -1' },
});

export interface OpportunityFieldsProps {
  form: OpportunityForm;
  errors: FormErrors;
  disabled?: boolean;
  onChange: (form: OpportunityForm) => void;
  /** Stages offered (a new opportunity starts in an open stage). */
  stages?: readonly OpportunityForm['stage'][];
  /** The current owner's name, shown until the tenant's users have loaded. */
  ownerName?: string | undefined;
}

// The fields of an opportunity: title, amount in euro (typed in the UI language's notation),
// probability, stage, dates, offer content, loss reason (while Verloren) and owner.
export function OpportunityFields(props: OpportunityFieldsProps) {
  const { form, errors, disabled, onChange, stages = OPPORTUNITY_STAGES, ownerName } = props;
  const styles = useStyles();
  const { pt, stageName } = usePipelineText();
  const users = useTenantUsers();
  const set = <K extends keyof OpportunityForm>(key: K, value: OpportunityForm[K]) =>
    onChange({ ...form, [key]: value });
  const message = (field: keyof FormErrors) => {
    const problem = errors[field];
    return problem ? pt(problem) : undefined;
  };
  const state = (field: keyof FormErrors) => (errors[field] ? 'error' : 'none');

  return (
    <div className={styles.grid}>
      <Field
        label={pt('field.title')}
        required
        className={styles.wide}
        validationState={state('title')}
        validationMessage={message('title')}
      >
        <Input
          value={form.title}
          maxLength={200}
          disabled={disabled}
          onChange={(_e, data) => set('title', data.value)}
        />
      </Field>
      <Field
        label={pt('field.amount')}
        required
        hint={pt('field.amountHint')}
        validationState={state('amount')}
        validationMessage={message('amount')}
      >
        <Input
          value={form.amount}
          inputMode="decimal"
          disabled={disabled}
          onChange={(_e, data) => set('amount', data.value)}
        />
      </Field>
      <Field
        label={pt('field.probability')}
        hint={pt('field.probabilityHint')}
        validationState={state('probability')}
        validationMessage={message('probability')}
      >
        <Input
          value={form.probability}
          inputMode="numeric"
          disabled={disabled}
          onChange={(_e, data) => set('probability', data.value)}
        />
      </Field>
      <Field label={pt('field.stage')}>
        <Select
          value={form.stage}
          disabled={disabled}
          onChange={(_e, data) => set('stage', data.value as OpportunityForm['stage'])}
        >
          {stages.map((stage) => (
            <option key={stage} value={stage}>
              {stageName(stage)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={pt('field.owner')}>
        <Select value={form.ownerId} disabled={disabled} onChange={(_e, data) => set('ownerId', data.value)}>
          {form.ownerId === '' && <option value="">{pt('field.ownerMe')}</option>}
          {form.ownerId && !users.some((user) => user.id === form.ownerId) && (
            <option value={form.ownerId}>{ownerName ?? form.ownerId}</option>
          )}
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </Select>
      </Field>
      <DateField
        label={pt('field.expectedCloseDate')}
        value={form.expectedCloseDate}
        disabled={disabled}
        onChange={(value) => set('expectedCloseDate', value)}
      />
      <DateField
        label={pt('field.offerDate')}
        value={form.offerDate}
        disabled={disabled}
        onChange={(value) => set('offerDate', value)}
      />
      <Field label={pt('field.offerContent')} className={styles.wide}>
        <Textarea
          value={form.offerContent}
          maxLength={5000}
          resize="vertical"
          disabled={disabled}
          onChange={(_e, data) => set('offerContent', data.value)}
        />
      </Field>
      {form.stage === 'lost' && (
        <Field
          label={pt('field.lossReason')}
          required
          className={styles.wide}
          validationState={state('lossReason')}
          validationMessage={message('lossReason')}
        >
          <Textarea
            value={form.lossReason}
            maxLength={1000}
            resize="vertical"
            disabled={disabled}
            onChange={(_e, data) => set('lossReason', data.value)}
          />
        </Field>
      )}
    </div>
  );
}
