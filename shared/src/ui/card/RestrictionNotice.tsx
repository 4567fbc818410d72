import {
  Badge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import type { LegalHold, Restriction } from '../../privacy/privacy.schema';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground2, flexBasis: '100%' },
});

/**
 * "Gesperrt (Art. 18 DSGVO)": the badge of a restricted contact, on the card and in search
 * results (issue 15). Danger colours so it reads at a glance in light, dark and high contrast.
 */
export function RestrictedBadge() {
  const { t } = useUiText();
  return (
    <Badge appearance="filled" color="danger" icon={<LockClosedRegular />} data-testid="restricted-badge">
      {t('card.restricted')}
    </Badge>
  );
}

export interface RestrictionNoticeProps {
  restriction: Restriction | undefined;
  legalHold: LegalHold | undefined;
}

// Why the card offers no edits: a restriction the person asked for (Art. 18(1) DSGVO), or an
// erasure waiting for the retention periods (Art. 17(3)(b) with HGB §257 / AO §147); a legal
// hold is shown too (it blocks erasure).
export function RestrictionNotice({ restriction, legalHold }: RestrictionNoticeProps) {
  const { t, date } = useUiText();
  if (!restriction && !legalHold) return null;
  return (
    <>
      {restriction && (
        <MessageBar intent="warning" layout="multiline" data-testid="restriction-notice">
          <MessageBarBody>
            <MessageBarTitle>{t('card.restricted')}</MessageBarTitle>
            {restriction.reason === 'retention'
              ? t('card.restrictedRetention', { date: date(restriction.eraseOn) })
              : t('card.restrictedRequest')}
          </MessageBarBody>
        </MessageBar>
      )}
      {legalHold && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('card.legalHold', { reason: legalHold.reason })}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** The id `aria-describedby` of disabled edit buttons points at (one card per view). */
export const RESTRICTED_ACTIONS_HINT_ID = 'restricted-actions-hint';

// Under the disabled edit buttons of a restricted contact: why they are disabled.
export function RestrictedActionsHint() {
  const { t } = useUiText();
  const styles = useStyles();
  return (
    <Text id={RESTRICTED_ACTIONS_HINT_ID} size={200} className={styles.hint}>
      {t('card.restrictedActions')}
    </Text>
  );
}
