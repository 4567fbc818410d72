import {
  Button,
  Caption1,
  Link,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Opportunity, OpportunityStage } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import type { KeyboardEvent } from 'react';
import { BOARD_STAGES, CARD_DRAG_TYPE, neighbourStage } from './pipeline-model';
import { usePipelineText } from './usePipelineText';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    cursor: 'grab',
    outlineStyle: 'none',
    ':focus-visible': {
      outlineStyle: 'solid',
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  busy: { opacity: 0.6 },
  title: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start', overflowWrap: 'anywhere' },
  secondary: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  figures: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: tokens.spacingHorizontalXS },
  amount: { fontWeight: tokens.fontWeightSemibold },
  footer: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalXS },
});

export interface OpportunityCardProps {
  item: Opportunity;
  /** The user may change opportunities (drag, menu, shortcuts). */
  canMove: boolean;
  busy: boolean;
  /** id of the text that explains the shortcuts. */
  helpId: string;
  onOpen: () => void;
  onMove: (to: OpportunityStage) => void;
}

// One card of the board: title (opens the drawer), contact and company, amount, probability,
// expected close and owner. It moves by drag, by its "Verschieben" menu and, while focused,
// by Ctrl+→/← (or Alt+→/←) to the next or previous stage.
export function OpportunityCard({ item, canMove, busy, helpId, onOpen, onMove }: OpportunityCardProps) {
  const styles = useStyles();
  const { pt, euro, stageName } = usePipelineText();
  const { date } = useUiText();
  const contact = [item.contactName, item.companyName !== item.contactName ? item.companyName : undefined]
    .filter(Boolean)
    .join(' · ');

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!canMove || event.target !== event.currentTarget) return;
    if (!(event.ctrlKey || event.altKey) || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
    // Alt+← is the browser's "back": the shortcut must not leave the page.
    event.preventDefault();
    const to = neighbourStage(item.stage, event.key === 'ArrowRight' ? 1 : -1);
    if (to) onMove(to);
  };

  return (
    <article
      className={mergeClasses(styles.card, busy && styles.busy)}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the card takes focus so that its move shortcuts act on it
      tabIndex={0}
      data-card-id={item.id}
      aria-label={pt('board.card', {
        title: item.title,
        contact,
        amount: euro(item.amountCents),
        probability: item.probability,
      })}
      aria-describedby={canMove ? helpId : undefined}
      aria-busy={busy}
      draggable={canMove}
      onDragStart={(event) => {
        event.dataTransfer.setData(CARD_DRAG_TYPE, item.id);
        event.dataTransfer.setData('text/plain', item.title);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={onKeyDown}
    >
      <Link as="button" className={styles.title} onClick={onOpen}>
        {item.title}
      </Link>
      <Caption1 className={styles.secondary}>{contact}</Caption1>
      <div className={styles.figures}>
        <Text className={styles.amount}>{euro(item.amountCents)}</Text>
        <Text>{item.probability} %</Text>
      </div>
      <Caption1 className={styles.secondary}>
        {item.expectedCloseDate
          ? pt('board.closeDate', { date: date(item.expectedCloseDate) })
          : pt('board.noCloseDate')}
      </Caption1>
      <div className={styles.footer}>
        <Caption1 className={styles.secondary}>{item.ownerName ?? ''}</Caption1>
        {canMove && (
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button size="small" appearance="subtle" aria-label={pt('board.moveMenu', { title: item.title })}>
                {pt('board.move')}
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {BOARD_STAGES.filter((stage) => stage !== item.stage).map((stage) => (
                  <MenuItem key={stage} onClick={() => onMove(stage)}>
                    {stageName(stage)}
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
      </div>
    </article>
  );
}
