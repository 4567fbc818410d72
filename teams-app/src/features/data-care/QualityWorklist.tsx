import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { fixTargetOf, QualitySection, useUiText } from '@klarkonform/shared/ui';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { useSectionStyles } from '../../shell/section-styles';
import { SectionHeader } from '../../shell/SectionHeader';
import { usePermissions } from '../../shell/usePermissions';
import { contactFacts } from '../contact/contact-facts';
import { canOpenFix } from '../contact/fix-access';
import type { ContactTarget } from '../contact/load-card';
import type { useWorklist } from './useWorklist';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  name: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
  secondary: { color: tokens.colorNeutralForeground2 },
  more: { alignSelf: 'center' },
});

export interface QualityWorklistProps {
  worklist: ReturnType<typeof useWorklist>;
  /** Opens a contact in the drawer; with `fix`, straight at the place that fixes a finding. */
  onOpen: (target: ContactTarget) => void;
}

// Contacts with data-quality findings, each finding in the shared wording (worst first) with
// "Beheben", which opens the place that fixes it. A contact whose last finding is fixed leaves
// the list, with a short confirmation.
export function QualityWorklist({ worklist, onOpen }: QualityWorklistProps) {
  const styles = { ...useSectionStyles(), ...useStyles() };
  const { tt } = useTabText();
  const { t } = useUiText();
  const can = usePermissions();
  const { items, nextCursor, loading, error, fixed, dismissFixed, reload, loadMore } = worklist;

  return (
    <section className={styles.root} aria-labelledby="quality-heading">
      <SectionHeader id="quality-heading" title={tt('quality.heading')} intro={tt('quality.intro')} />
      <div role="status">
        {fixed && (
          <MessageBar intent="success">
            <MessageBarBody>{tt('quality.fixed', { name: fixed.name })}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="transparent" onClick={dismissFixed}>
                {tt('common.close')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      {error !== undefined && <ProblemBar error={error} onRetry={() => void reload()} />}
      {!loading && error === undefined && items.length === 0 && !nextCursor && (
        <MessageBar intent="success">
          <MessageBarBody>{tt('quality.empty')}</MessageBarBody>
        </MessageBar>
      )}
      {items.length > 0 && (
        <ul className={styles.list} aria-label={tt('quality.list')}>
          {items.map(({ contact, findings }) => (
            <li key={contact.id} className={styles.item} data-testid="quality-item">
              <Link
                as="button"
                className={styles.name}
                onClick={() => onOpen({ id: contact.id, email: contact.email })}
              >
                {contact.displayName}
              </Link>
              <Text size={200} className={styles.secondary}>
                {contactFacts(contact, t)}
              </Text>
              <QualitySection
                findings={findings}
                canFix={(finding) => canOpenFix(fixTargetOf(finding, contact.kind), can)}
                onFix={(finding) =>
                  onOpen({ id: contact.id, email: contact.email, fix: fixTargetOf(finding, contact.kind) })
                }
              />
            </li>
          ))}
        </ul>
      )}
      {loading && <Spinner size="small" label={tt('common.loading')} />}
      {!loading && nextCursor && (
        <Button className={styles.more} onClick={() => void loadMore()}>
          {tt('common.loadMore')}
        </Button>
      )}
    </section>
  );
}
