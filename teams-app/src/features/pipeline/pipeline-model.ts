import { type Opportunity, OPPORTUNITY_STAGES, type OpportunityStage, weightedCents } from '@klarkonform/shared';
import type { Board, BoardColumn } from './pipeline-api';

// Pure rules of the pipeline board: the order of its columns, where a keyboard move goes, and
// how a move changes the columns before the API has answered (the optimistic board).

/** The drag data type of a board card; the data is the opportunity's id. */
export const CARD_DRAG_TYPE = 'application/x-klarkonform-opportunity';

/** The board's columns, left to right: the open stages in process order, then won, lost, later. */
export const BOARD_STAGES: readonly OpportunityStage[] = OPPORTUNITY_STAGES;

/** The column right (+1) or left (−1) of `stage`; undefined beyond the first or last. */
export function neighbourStage(stage: OpportunityStage, step: 1 | -1): OpportunityStage | undefined {
  return BOARD_STAGES[BOARD_STAGES.indexOf(stage) + step];
}

function withoutItem(column: BoardColumn, item: Opportunity): BoardColumn {
  const items = column.items.filter((candidate) => candidate.id !== item.id);
  // The column may show fewer cards than it counts: the sums change all the same.
  return {
    ...column,
    items,
    count: Math.max(0, column.count - 1),
    amountCents: Math.max(0, column.amountCents - item.amountCents),
    weightedCents: Math.max(0, column.weightedCents - weightedCents(item.amountCents, item.probability)),
  };
}

function withItem(column: BoardColumn, item: Opportunity): BoardColumn {
  return {
    ...column,
    items: [item, ...column.items],
    count: column.count + 1,
    amountCents: column.amountCents + item.amountCents,
    weightedCents: column.weightedCents + weightedCents(item.amountCents, item.probability),
  };
}

/** Where opportunity `id` is on the board, or undefined. */
export function findOnBoard(board: Board, id: string): Opportunity | undefined {
  for (const column of board.columns) {
    const found = column.items.find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
}

/**
 * The board with `moved` (the opportunity as it will be, or as the API answered) taken out of
 * whatever column held it and put first in the column of its stage, counts and sums adjusted.
 * A column missing from the board is added in board order. The input is not changed.
 */
export function placeOnBoard(board: Board, moved: Opportunity): Board {
  const before = findOnBoard(board, moved.id);
  const columns = BOARD_STAGES.flatMap((stage) => {
    const found = board.columns.find((candidate) => candidate.stage === stage);
    if (!found && stage !== moved.stage) return [];
    let column = found ?? { stage, items: [], count: 0, amountCents: 0, weightedCents: 0, more: false };
    if (before && column.items.some((item) => item.id === moved.id)) column = withoutItem(column, before);
    return [stage === moved.stage ? withItem(column, moved) : column];
  });
  return { ...board, columns };
}

/** Replaces a card in place (same stage), e.g. after an edit in the drawer; moves it when its stage changed. */
export function updateOnBoard(board: Board, changed: Opportunity): Board {
  const before = findOnBoard(board, changed.id);
  if (!before || before.stage !== changed.stage) return placeOnBoard(board, changed);
  return {
    ...board,
    columns: board.columns.map((column) =>
      column.stage !== changed.stage
        ? column
        : {
            ...column,
            items: column.items.map((item) => (item.id === changed.id ? changed : item)),
            amountCents: column.amountCents - before.amountCents + changed.amountCents,
            weightedCents:
              column.weightedCents -
              weightedCents(before.amountCents, before.probability) +
              weightedCents(changed.amountCents, changed.probability),
          },
    ),
  };
}

const LOCALES = { de: 'de-DE', en: 'en-GB' } as const;

/** "Dezember 2026" / "December 2026" for YYYY-MM. */
export function monthLabel(month: string, language: 'de' | 'en'): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, mon - 1, 1)),
  );
}
