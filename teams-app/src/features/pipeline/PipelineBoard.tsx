import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Opportunity, OpportunityStage } from '@klarkonform/shared';
import { ApiError } from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { BoardColumn } from './BoardColumn';
import { LossReasonDialog } from './LossReasonDialog';
import { OpportunityDrawer } from './OpportunityDrawer';
import { findOnBoard } from './pipeline-model';
import { usePipelineBoard } from './usePipelineBoard';
import { usePipelineText } from './usePipelineText';
import { useWonLead } from './useWonLead';
import { WonLeadBars } from './WonLeadBars';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  help: { color: tokens.colorNeutralForeground2 },
  columns: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    overflowX: 'auto',
    alignItems: 'flex-start',
    paddingBottom: tokens.spacingVerticalS,
  },
  status: { minHeight: '1.4em' },
});

interface Failure {
  item: Opportunity;
  error: unknown;
}

export interface PipelineBoardProps {
  owner: string;
  canMove: boolean;
  /** Bumped when an opportunity was created, so the board shows it. */
  refresh: number;
  /** A column has more than it shows: the list of all of them. */
  onShowAll: (stage: OpportunityStage) => void;
}

// The pipeline board: one column per stage (open ones first, then won, lost, later), each
// with count and sums. A card moves by drag, by its menu or by Ctrl/Alt+→/←; the move shows
// at once and is taken back when the API refuses it. Verloren asks for the reason first;
// Gewonnen offers to make a contact that is still a lead a customer. Every move is announced.
export function PipelineBoard({ owner, canMove, refresh, onShowAll }: PipelineBoardProps) {
  const styles = useStyles();
  const { pt, stageName } = usePipelineText();
  const { tt } = useTabText();
  const board = usePipelineBoard(owner);
  const won = useWonLead();
  const [busyId, setBusyId] = useState<string | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | undefined>();
  const [askLoss, setAskLoss] = useState<Opportunity | undefined>();
  const [open, setOpen] = useState<Opportunity | undefined>();
  const { reload } = board;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the parent says so
  useEffect(() => {
    if (refresh > 0) void reload();
  }, [refresh]);

  // A moved card is a new element in another column: focus follows it.
  useEffect(() => {
    if (!focusId || !board.board) return;
    const card = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(focusId)}"]`);
    if (card && document.activeElement !== card) card.focus();
  }, [focusId, board.board]);

  const stageLabel = stageName;

  const run = async (item: Opportunity, to: OpportunityStage, lossReason?: string) => {
    setBusyId(item.id);
    setFailure(undefined);
    setFocusId(item.id);
    try {
      const saved = await board.move(item, to, lossReason);
      setAnnouncement(pt('board.moved', { title: item.title, stage: stageLabel(to) }));
      if (saved.leadToConvert) void won.check(saved.opportunity, saved.leadToConvert);
    } catch (error) {
      setFailure({ item, error });
      setAnnouncement(pt('board.movedBack', { title: item.title, stage: stageLabel(item.stage) }));
    } finally {
      setBusyId(undefined);
    }
  };

  const requestMove = (item: Opportunity, to: OpportunityStage) => {
    if (item.stage === to || busyId) return;
    if (to === 'lost') setAskLoss(item);
    else void run(item, to);
  };

  const conflict = failure?.error instanceof ApiError && failure.error.isConflict;

  return (
    <div className={styles.root}>
      {canMove && (
        <Caption1 id="board-help" className={styles.help}>
          {pt('board.help')}
        </Caption1>
      )}
      <Text role="status" aria-live="polite" className={styles.status}>
        {announcement}
      </Text>
      {failure && conflict && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{pt('move.conflictTitle')}</MessageBarTitle>
            {pt('move.conflict', { title: failure.item.title })}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" onClick={() => setFailure(undefined)}>
              {tt('common.close')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure && !conflict && <ProblemBar error={failure.error} onDismiss={() => setFailure(undefined)} />}
      <WonLeadBars won={won} />
      {board.error !== undefined && <ProblemBar error={board.error} onRetry={() => void board.reload()} />}
      {board.loading && !board.board && <Spinner size="small" label={tt('common.loading')} />}
      {board.board && (
        // biome-ignore lint/a11y/useSemanticElements: the columns are a group of lists, not form controls
        <div className={styles.columns} role="group" aria-label={pt('board.label')}>
          {board.board.columns.map((column) => (
            <BoardColumn
              key={column.stage}
              column={column}
              canMove={canMove}
              busyId={busyId}
              helpId="board-help"
              onOpen={setOpen}
              onMove={requestMove}
              onShowAll={() => onShowAll(column.stage)}
              closedSince={board.board?.closedSince ?? ''}
              onDrop={(id) => {
                const item = board.board && findOnBoard(board.board, id);
                if (item) requestMove(item, column.stage);
              }}
            />
          ))}
        </div>
      )}
      {askLoss && (
        <LossReasonDialog
          title={askLoss.title}
          onCancel={() => setAskLoss(undefined)}
          onConfirm={(reason) => {
            const item = askLoss;
            setAskLoss(undefined);
            void run(item, 'lost', reason);
          }}
        />
      )}
      <OpportunityDrawer
        opportunity={open}
        canEdit={canMove}
        onClose={() => setOpen(undefined)}
        onChanged={(changed, leadToConvert) => {
          board.update(changed);
          setOpen(changed);
          if (leadToConvert) void won.check(changed, leadToConvert);
        }}
      />
    </div>
  );
}
