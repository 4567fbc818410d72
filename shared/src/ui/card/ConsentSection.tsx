import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { unprovenConfirmations } from '../../contacts/consent.rules';
import type { ConsentChannelState, ConsentEvent, ConsentSummary } from '../../contacts/consent.schema';
import type { ConsentChannel, ConsentStatus } from '../../contacts/contact-enums.schema';
import type { Contact } from '../../contacts/contact.schema';
import { useUiText } from '../i18n/useUiText';
import type { BadgeColor } from './card-labels';

const CHANNELS: readonly ConsentChannel[] = ['email', 'phone', 'letter', 'newsletter'];

const STATUS_COLORS: Record<ConsentStatus, BadgeColor> = {
  granted: 'success',
  pending: 'warning',
  denied: 'danger',
  none: 'informative',
};

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  toggle: { justifyContent: 'flex-start', minWidth: 0, paddingLeft: 0, fontWeight: tokens.fontWeightRegular },
  details: {
    margin: `0 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  unproven: { color: tokens.colorPaletteRedForeground1 },
});

function ChannelRow({
  channel,
  state,
  events,
  legalBasis,
}: {
  channel: ConsentChannel;
  state: ConsentChannelState;
  events: readonly ConsentEvent[];
  legalBasis: string;
}) {
  const styles = useStyles();
  const { t, date } = useUiText();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const label = t(`channel.${channel}`);
  const latestFirst = [...events].reverse().slice(0, 5);
  // Confirmations without an open request or proof do not count (consent.rules.ts); say so.
  const unproven = useMemo(() => unprovenConfirmations(events, new Date()), [events]);
  return (
    <li>
      <div className={styles.row}>
        <Button
          appearance="transparent"
          size="small"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
          title={t('card.consentDetails', { channel: label })}
        >
          {open ? '▾' : '▸'} {label}
        </Button>
        <Badge appearance="tint" color={STATUS_COLORS[state.status]} data-testid={`consent-${channel}`}>
          {t(`consentStatus.${state.status}`)}
        </Badge>
      </div>
      {open && (
        <div id={detailsId} className={styles.details}>
          <dl className={styles.facts}>
            <dt className={styles.term}>{t('field.legalBasis')}</dt>
            <dd className={styles.value}>{legalBasis}</dd>
          </dl>
          {latestFirst.length === 0 && <Text size={200}>{t('card.noConsentEvents')}</Text>}
          {latestFirst.map((event) => (
            <dl key={event.id} className={styles.facts}>
              <dt className={styles.term}>{t('card.consentEvent')}</dt>
              <dd className={styles.value}>
                {t(`consentEvent.${event.type}`)}
                {unproven.has(event.id) && (
                  <Text block size={200} className={styles.unproven} data-testid="consent-unproven">
                    {t('card.consentUnproven')}
                  </Text>
                )}
              </dd>
              <dt className={styles.term}>{t('card.consentDate')}</dt>
              <dd className={styles.value}>{date(event.at)}</dd>
              <dt className={styles.term}>{t('card.consentSource')}</dt>
              <dd className={styles.value}>{event.source}</dd>
              {event.proof && (
                <>
                  <dt className={styles.term}>{t('card.consentProof')}</dt>
                  <dd className={styles.value}>{event.proof}</dd>
                </>
              )}
            </dl>
          ))}
        </div>
      )}
    </li>
  );
}

// Consent per channel in clear colours; legal basis, date, source and proof on expand.
export function ConsentSection({ summary, contact }: { summary: ConsentSummary; contact: Contact }) {
  const styles = useStyles();
  const { t } = useUiText();
  const legalBasis = summary.legalBasis ? t(`legalBasis.${summary.legalBasis}`) : t('card.legalBasisUnset');
  return (
    <ul className={styles.list} aria-label={t('card.consent')}>
      {CHANNELS.map((channel) => (
        <ChannelRow
          key={channel}
          channel={channel}
          state={summary[channel]}
          events={contact.consent.channels[channel]}
          legalBasis={legalBasis}
        />
      ))}
    </ul>
  );
}
