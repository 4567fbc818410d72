import type { Opportunity, OpportunityStage } from '@klarkonform/shared';
import type { ApiClient } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../shell/services';
import type { Board } from './pipeline-api';
import { placeOnBoard, updateOnBoard } from './pipeline-model';

/** What a move answers: the saved opportunity, and the lead to offer converting after a win. */
export type MoveResult = Awaited<ReturnType<ApiClient['updateOpportunity']>>;

interface BoardState {
  board: Board | undefined;
  loading: boolean;
  error: unknown;
}

/**
 * The board of `owner` ('' all, 'me', a user id) and its moves. A move shows at once
 * (optimistic) and goes to the API with the version the card showed (If-Match); a refusal
 * (412 changed meanwhile, 400 e.g. a missing loss reason) puts the card back and is thrown to
 * the caller, and a 412 also reloads the board. After a move the board is reloaded quietly for
 * the API's exact sums; a reload that started before a later move is dropped.
 */
export function usePipelineBoard(owner: string) {
  const { api } = useServices();
  const [state, setState] = useState<BoardState>({ board: undefined, loading: true, error: undefined });
  // Counts moves and loads: an answer is used only when nothing happened since it was asked.
  const generation = useRef(0);

  const load = useCallback(
    async (quiet = false) => {
      const asked = ++generation.current;
      if (!quiet) setState((before) => ({ ...before, loading: true, error: undefined }));
      try {
        const board = await api.opportunityBoard(owner || undefined);
        if (asked === generation.current) setState({ board, loading: false, error: undefined });
      } catch (error) {
        if (asked === generation.current) setState((before) => ({ ...before, loading: false, error }));
      }
    },
    [api, owner],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const move = useCallback(
    async (item: Opportunity, to: OpportunityStage, lossReason?: string): Promise<MoveResult> => {
      generation.current++;
      const planned: Opportunity = { ...item, stage: to, ...(lossReason ? { lossReason } : {}) };
      setState((before) => (before.board ? { ...before, board: placeOnBoard(before.board, planned) } : before));
      try {
        const saved = await api.updateOpportunity(item.id, item.version, {
          stage: to,
          ...(lossReason ? { lossReason } : {}),
        });
        const moved = saved.opportunity;
        setState((before) => (before.board ? { ...before, board: placeOnBoard(before.board, moved) } : before));
        void load(true);
        return saved;
      } catch (error) {
        setState((before) => (before.board ? { ...before, board: placeOnBoard(before.board, item) } : before));
        void load(true);
        throw error;
      }
    },
    [api, load],
  );

  /** A card changed elsewhere (the drawer): shown at once, sums reloaded. */
  const update = useCallback(
    (changed: Opportunity) => {
      generation.current++;
      setState((before) => (before.board ? { ...before, board: updateOnBoard(before.board, changed) } : before));
      void load(true);
    },
    [load],
  );

  return { ...state, reload: () => load(), move, update };
}
