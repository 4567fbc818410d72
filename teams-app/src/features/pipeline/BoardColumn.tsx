import { Caption1, Link, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { isOpenStage, type Opportunity, type OpportunityStage } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { OpportunityCard } from './OpportunityCard';
import type { BoardColumn as Column } from './pipeline-api';
import { CARD_DRAG_TYPE } from './pipeline-model';
import { usePipelineText } from './usePipelineText';

const useStyles = makeStyles({
  column: {
    flex: '0 0 240px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTopWidth: tokens.strokeWidthThick,
    borderTopStyle: 'solid',
    borderTopColor: tokens.colorBrandStroke1,
  },
  closed: { borderTopColor: tokens.colorNeutralStroke1 },
  over: { outlineStyle: 'dashed', outlineWidth: tokens.strokeWidthThick, outlineColor: tokens.colorBrandStroke1 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  sums: { color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minHeight: '48px',
  },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface BoardColumnProps {
  column: Column;
  canMove: boolean;
  busyId: string | undefined;
  helpId: string;
  onOpen: (item: Opportunity) => void;
  onMove: (item: Opportunity, to: OpportunityStage) => void;
  /** A card was dropped here: its id. */
  onDrop: (id: string) => void;
  /** "und 12 weitere": the list shows all of the column's opportunities. */
  onShowAll: () => void;
  /** Closed columns hold what closed since then (ISO date-time; the API's last 30 days). */
  closedSince: string;
}

// One stage: its name, how many and how much (and weighted, for open stages), and its cards.
// A drop target for dragged cards.
export function BoardColumn(props: BoardColumnProps) {
  const { column, canMove, busyId, helpId, onOpen, onMove, onDrop, onShowAll, closedSince } = props;
  const { date } = useUiText();
  const styles = useStyles();
  const { pt, euroShort, stageName } = usePipelineText();
  const [over, setOver] = useState(false);
  const headingId = `stage-${column.stage}`;
  const label = stageName(column.stage);
  const hidden = column.count - column.items.length;

  return (
    <section
      className={mergeClasses(styles.column, !isOpenStage(column.stage) && styles.closed, over && styles.over)}
      aria-labelledby={headingId}
      data-stage={column.stage}
      onDragOver={(event) => {
        if (!canMove || !event.dataTransfer.types.includes(CARD_DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        setOver(false);
        const id = event.dataTransfer.getData(CARD_DRAG_TYPE);
        if (!id) return;
        event.preventDefault();
        onDrop(id);
      }}
    >
      <div>
        <h3 id={headingId} className={styles.heading}>
          {label}
        </h3>
        <Caption1 className={styles.sums} data-testid="column-sums">
          {pt('board.count', { count: column.count, amount: euroShort(column.amountCents) })}
          {isOpenStage(column.stage)
            ? ` · ${pt('board.weighted', { amount: euroShort(column.weightedCents) })}`
            : ` · ${pt('board.closedSince', { date: date(closedSince) })}`}
        </Caption1>
      </div>
      <ul
        className={styles.list}
        aria-label={pt('board.column', { stage: label, count: column.count, amount: euroShort(column.amountCents) })}
      >
        {column.items.map((item) => (
          <li key={item.id}>
            <OpportunityCard
              item={item}
              canMove={canMove}
              busy={busyId === item.id}
              helpId={helpId}
              onOpen={() => onOpen(item)}
              onMove={(to) => onMove(item, to)}
            />
          </li>
        ))}
      </ul>
      {column.items.length === 0 && <Text className={styles.empty}>{pt('board.empty')}</Text>}
      {hidden > 0 && (
        <Link as="button" onClick={onShowAll}>
          {pt('board.more', { count: hidden })}
        </Link>
      )}
    </section>
  );
}
