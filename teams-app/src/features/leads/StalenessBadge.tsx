import { Badge } from '@fluentui/react-components';
import { useUiText } from '@klarkonform/shared/ui';
import type { LeadStaleness } from './lead-model';

const COLOR = { fresh: 'success', openTooLong: 'warning', untouched: 'danger' } as const;

// Fresh, open for more than 90 days, or untouched for more than 12 months (shared leadStaleness
// and its catalog texts).
export function StalenessBadge({ staleness }: { staleness: LeadStaleness }) {
  const { t } = useUiText();
  return (
    <Badge appearance="tint" color={COLOR[staleness]} data-staleness={staleness}>
      {t(`leadStaleness.${staleness}`)}
    </Badge>
  );
}
