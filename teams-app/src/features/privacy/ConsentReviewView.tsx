import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { type ConsentReviewItem, type ConsentReviewPage, type TextKey, useUiText } from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { PrivacyContactPanel } from './PrivacyContactPanel';
import { usePaged } from './usePaged';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  secondary: { color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

// "Einwilligungsprüfung": consents granted longer ago than the settings' review age (default 12
// months) — renew them with a double opt-in link from the contact's panel, or stop using them.
export function ConsentReviewView() {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const { t, date } = useUiText();
  const { api } = useServices();
  const [months, setMonths] = useState<number | undefined>();
  const [openKey, setOpenKey] = useState<string | undefined>();
  const review = usePaged<ConsentReviewItem, ConsentReviewPage>(
    (cursor, signal) => api.consentReview(cursor, signal),
    'review',
  );
  useEffect(() => {
    const controller = new AbortController();
    api.privacySettings(controller.signal).then(
      (settings) => setMonths(settings.consentReviewMonths),
      () => undefined,
    );
    return () => controller.abort();
  }, [api]);

  return (
    <section className={styles.root} aria-labelledby="privacy-consent-review">
      <Text as="h3" id="privacy-consent-review" size={400} weight="semibold" className={styles.heading}>
        {pt('consent.heading')}
      </Text>
      {months !== undefined && <Text className={styles.secondary}>{pt('consent.intro', { months })}</Text>}
      {review.error !== undefined && <ProblemBar error={review.error} onRetry={review.reload} />}
      {review.items.length > 0 && (
        <ul className={styles.list} aria-label={pt('consent.heading')}>
          {review.items.map((item) => {
            const key = `${item.contactId}:${item.channel}`;
            return (
              <li key={key}>
                <div className={styles.line}>
                  <Button
                    appearance="transparent"
                    aria-expanded={openKey === key}
                    onClick={() => setOpenKey(openKey === key ? undefined : key)}
                  >
                    {item.displayName}
                  </Button>
                  <Text size={200} className={styles.secondary}>
                    {t(`channel.${item.channel}`)} · {t(`consentEvent.${item.eventType}` as TextKey)} ·{' '}
                    {pt('consent.granted', { date: date(item.grantedAt) })}
                  </Text>
                </div>
                {openKey === key && <PrivacyContactPanel contactId={item.contactId} onChanged={review.reload} />}
              </li>
            );
          })}
        </ul>
      )}
      {review.loading && <Spinner size="tiny" label={pt('common.loading')} />}
      {!review.loading && review.error === undefined && review.items.length === 0 && (
        <Text className={styles.secondary}>{pt('consent.empty')}</Text>
      )}
      {review.hasMore && !review.loading && <Button onClick={review.loadMore}>{pt('common.loadMore')}</Button>}
    </section>
  );
}
