import { Button, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { type MirrorContactItem, type MirrorList, mirrorProblemText, useUiText } from '@klarkonform/shared/ui';
import { useId, useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { contactFacts } from '../contact/contact-facts';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  name: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
  secondary: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  problem: { color: tokens.colorPaletteRedForeground1 },
  toggle: { alignSelf: 'flex-start', textAlign: 'start' },
  help: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  action: { alignSelf: 'flex-start' },
});

export interface MirrorCareItemProps {
  item: MirrorContactItem;
  list: MirrorList;
  canReview: boolean;
  onOpen: () => void;
  onReviewed: () => Promise<void>;
}

// One contact of a mirror category: its name opens it; a sync error shows its problem and, on
// demand, what to do and Microsoft's message; a contact from Outlook shows where it came from
// and "Geprüft".
export function MirrorCareItem({ item, list, canReview, onOpen, onReviewed }: MirrorCareItemProps) {
  const styles = useStyles();
  const text = useUiText();
  const { tt } = useTabText();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const helpId = useId();
  const { contact } = item;
  const problem = item.problem ? mirrorProblemText(item.problem, text) : undefined;

  return (
    <li className={styles.item} data-testid={`mirror-care-item-${list}`}>
      <Link as="button" className={styles.name} onClick={onOpen}>
        {contact.displayName}
      </Link>
      <Text size={200} className={styles.secondary}>
        {contactFacts(contact, text.t)}
      </Text>
      {list === 'error' && problem && (
        <>
          <Text className={styles.problem}>{problem.title}</Text>
          <Link
            as="button"
            className={styles.toggle}
            aria-expanded={open}
            aria-controls={open ? helpId : undefined}
            onClick={() => setOpen((was) => !was)}
          >
            {tt('syncErrors.help')}
          </Link>
          {open && (
            <span id={helpId} className={styles.help}>
              <Text>{problem.help}</Text>
              {problem.mailbox && (
                <Text size={200} className={styles.secondary}>
                  {text.t('card.syncMailbox', { mailbox: problem.mailbox })}
                </Text>
              )}
              {problem.detail && (
                <Text size={200} className={styles.secondary}>
                  {tt('syncErrors.detail', { detail: problem.detail })}
                </Text>
              )}
            </span>
          )}
        </>
      )}
      {list === 'review' && (
        <>
          {item.fromMailbox && (
            <Text size={200} className={styles.secondary}>
              {item.createdFromOutlookAt
                ? tt('outlookReview.from', { mailbox: item.fromMailbox, at: text.dateTime(item.createdFromOutlookAt) })
                : tt('outlookReview.fromMailbox', { mailbox: item.fromMailbox })}
            </Text>
          )}
          {canReview && (
            <Button
              className={styles.action}
              icon={<CheckmarkRegular />}
              disabled={busy}
              aria-label={tt('outlookReview.reviewedLabel', { name: contact.displayName })}
              onClick={() => {
                setBusy(true);
                void onReviewed().finally(() => setBusy(false));
              }}
            >
              {tt('outlookReview.reviewed')}
            </Button>
          )}
        </>
      )}
    </li>
  );
}
