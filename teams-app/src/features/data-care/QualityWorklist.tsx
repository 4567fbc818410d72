import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { QualitySection, useUiText } from '@klarkonform/shared/ui';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { useSectionStyles } from '../../shell/section-styles';
import { SectionHeader } from '../../shell/SectionHeader';
import { contactFacts } from '../contact/contact-facts';
import type { ContactTarget } from '../contact/load-card';
import { useWorklist } from './useWorklist';

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

// Contacts with data-quality findings, each finding in the shared wording (worst first).
export function QualityWorklist({ onOpen }: { onOpen: (target: ContactTarget) => void }) {
  const styles = { ...useSectionStyles(), ...useStyles() };
  const { tt } = useTabText();
  const { t } = useUiText();
  const { items, nextCursor, loading, error, reload, loadMore } = useWorklist();

  return (
    <section className={styles.root} aria-labelledby="quality-heading">
      <SectionHeader id="quality-heading" title={tt('quality.heading')} intro={tt('quality.intro')} />
      {error !== undefined && <ProblemBar error={error} onRetry={() => void reload()} />}
      {!loading && error === undefined && items.length === 0 && (
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
              <QualitySection findings={findings} />
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
