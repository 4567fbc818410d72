import { Button, Field, makeStyles, Select, Switch, tokens } from '@fluentui/react-components';
import { monthOf, OPPORTUNITY_STAGES, type OpportunityStage } from '@klarkonform/shared';
import { OwnerSelect } from '../search/OwnerSelect';
import { CLOSE_BUCKETS, isBucket, type ListFilter, monthChoices, NO_FILTER } from './list-filter';
import { monthLabel } from './pipeline-model';
import { usePipelineText } from './usePipelineText';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  field: { minWidth: '180px' },
});

export interface ListFilterBarProps {
  filter: ListFilter;
  onChange: (filter: ListFilter) => void;
}

// The list's filters: owner (all, mine, a colleague), stage, close month (or the forecast's
// overdue / undated / beyond buckets), open only.
export function ListFilterBar({ filter, onChange }: ListFilterBarProps) {
  const styles = useStyles();
  const { pt, language, stageName } = usePipelineText();
  const months = monthChoices(monthOf(new Date()), filter.closeMonth);
  const bucket = isBucket(filter.closeMonth);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of filters that is no form; a fieldset would bring its own frame
    <div role="group" className={styles.bar} aria-label={pt('list.filters')}>
      <OwnerSelect
        className={styles.field}
        value={filter.owner}
        mineLabel={pt('pipeline.mine')}
        onChange={(owner) => onChange({ ...filter, owner })}
      />
      <Field label={pt('list.stage')} size="small" className={styles.field}>
        <Select
          size="small"
          value={filter.stage}
          onChange={(_e, data) => onChange({ ...filter, stage: data.value as OpportunityStage | '' })}
        >
          <option value="">{pt('list.allStages')}</option>
          {OPPORTUNITY_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {stageName(stage)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={pt('list.closeMonth')} size="small" className={styles.field}>
        <Select
          size="small"
          value={filter.closeMonth}
          onChange={(_e, data) => onChange({ ...filter, closeMonth: data.value })}
        >
          <option value="">{pt('list.anyMonth')}</option>
          {CLOSE_BUCKETS.map((key) => (
            <option key={key} value={key}>
              {pt(`list.${key}`)}
            </option>
          ))}
          {months.map((month) => (
            <option key={month} value={month}>
              {monthLabel(month, language)}
            </option>
          ))}
        </Select>
      </Field>
      <Switch
        label={pt('list.openOnly')}
        checked={filter.openOnly || bucket}
        disabled={bucket}
        onChange={(_e, data) => onChange({ ...filter, openOnly: data.checked })}
      />
      <Button size="small" appearance="subtle" onClick={() => onChange(NO_FILTER)}>
        {pt('list.reset')}
      </Button>
    </div>
  );
}
