import type { Opportunity } from '@klarkonform/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartGroups, chartSummary, filterOf } from './forecast-model';
import { listQuery, monthChoices, NO_FILTER } from './list-filter';
import { opportunity } from './opportunity.fixture';
import type { Board, Forecast } from './pipeline-api';
import { monthLabel, neighbourStage, placeOnBoard, updateOnBoard } from './pipeline-model';

function boardOf(...items: Opportunity[]): Board {
  return placeOnBoardAll({ columns: [], closedSince: '2026-10-31T00:00:00.000Z' }, items);
}

function placeOnBoardAll(board: Board, items: Opportunity[]): Board {
  return items.reduce(placeOnBoard, board);
}

describe('keyboard moves', () => {
  it('go to the next or previous column and stop at the ends', () => {
    expect(neighbourStage('needsAnalysis', 1)).toBe('infoSent');
    expect(neighbourStage('offer', 1)).toBe('negotiation');
    expect(neighbourStage('negotiation', 1)).toBe('won');
    expect(neighbourStage('infoSent', -1)).toBe('needsAnalysis');
    expect(neighbourStage('needsAnalysis', -1)).toBeUndefined();
    expect(neighbourStage('later', 1)).toBeUndefined();
  });
});

describe('the optimistic board', () => {
  it('moves a card to the front of its new column, counts and sums follow', () => {
    const a = opportunity({ id: 'a', amountCents: 1_000_000, probability: 20 });
    const b = opportunity({ id: 'b', amountCents: 500_000, probability: 40, stage: 'offer' });
    const board = boardOf(a, b);
    const moved = placeOnBoard(board, { ...a, stage: 'offer' });
    const offer = moved.columns.find((column) => column.stage === 'offer');
    const start = moved.columns.find((column) => column.stage === 'needsAnalysis');
    expect(offer?.items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(offer).toMatchObject({ count: 2, amountCents: 1_500_000, weightedCents: 400_000 });
    expect(start).toMatchObject({ items: [], count: 0, amountCents: 0, weightedCents: 0 });
    expect(moved.columns.map((column) => column.stage)).toEqual(['needsAnalysis', 'offer']);
  });

  it('a move and its rollback give back the same sums (property)', () => {
    const stage = fc.constantFrom(
      'needsAnalysis',
      'infoSent',
      'meeting',
      'offer',
      'negotiation',
      'won',
      'later' as const,
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amount: fc.integer({ min: 0, max: 1e12 }),
            probability: fc.integer({ min: 0, max: 100 }),
            stage,
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        stage,
        (rows, to) => {
          const items = rows.map((row, i) =>
            opportunity({ id: `o${i}`, amountCents: row.amount, probability: row.probability, stage: row.stage }),
          );
          const board = boardOf(...items);
          const first = items[0] as Opportunity;
          const back = placeOnBoard(placeOnBoard(board, { ...first, stage: to }), first);
          for (const column of back.columns) {
            const before = board.columns.find((c) => c.stage === column.stage);
            if (before)
              expect([column.count, column.amountCents, column.weightedCents]).toEqual([
                before.count,
                before.amountCents,
                before.weightedCents,
              ]);
            else expect(column.count).toBe(0);
          }
        },
      ),
    );
  });

  it('an edit in place keeps the card where it is and changes the sums', () => {
    const a = opportunity({ id: 'a' });
    const b = opportunity({ id: 'b', amountCents: 100 });
    const board = boardOf(a, b);
    const changed = updateOnBoard(board, { ...a, amountCents: 2_000_000, version: 2 });
    const column = changed.columns[0];
    expect(column?.items.map((item) => item.id)).toEqual(['b', 'a']);
    expect(column).toMatchObject({ count: 2, amountCents: 2_000_100, weightedCents: 400_020 });
  });
});

describe('months', () => {
  it('count across years and read in the UI language', () => {
    expect(monthLabel('2026-12', 'de')).toBe('Dezember 2026');
    expect(monthLabel('2027-01', 'en')).toBe('January 2027');
    expect(monthChoices('2026-11', '2030-05')).toContain('2030-05');
    expect(monthChoices('2026-11', '')).toHaveLength(19);
  });
});

describe('list filters', () => {
  it('become the API query', () => {
    expect(listQuery(NO_FILTER)).toEqual({});
    expect(listQuery({ owner: 'me', stage: 'offer', closeMonth: '2026-12', openOnly: true })).toEqual({
      owner: 'me',
      stage: 'offer',
      closeMonth: '2026-12',
      open: true,
    });
    // The forecast's buckets count open opportunities only.
    expect(listQuery({ ...NO_FILTER, closeMonth: 'overdue' })).toEqual({ closeMonth: 'overdue', open: true });
  });
});

describe('forecast', () => {
  const figure = (weightedCents: number, count = 1) => ({ weightedCents, amountCents: weightedCents * 2, count });
  const forecast: Forecast = {
    months: ['2026-11', '2026-12', '2027-01'],
    rows: [
      {
        ownerId: 'u1',
        ownerName: 'Max',
        cells: [{ month: '2026-11', ...figure(150_000) }],
        overdue: figure(0, 0),
        undated: figure(5_000),
        beyond: figure(0, 0),
      },
      {
        ownerId: 'u2',
        ownerName: 'Lisa',
        cells: [{ month: '2026-12', ...figure(99) }],
        overdue: figure(0, 0),
        undated: figure(0, 0),
        beyond: figure(0, 0),
      },
    ],
    total: {
      cells: [
        { month: '2026-11', ...figure(150_000) },
        { month: '2026-12', ...figure(99) },
      ],
      overdue: figure(0, 0),
      undated: figure(5_000),
      beyond: figure(0, 0),
    },
    truncated: false,
  };

  it('a figure opens the open opportunities of its owner and month (or bucket)', () => {
    expect(filterOf({ owner: 'u1', kind: 'month', month: '2026-12' })).toEqual({
      owner: 'u1',
      stage: '',
      closeMonth: '2026-12',
      openOnly: true,
    });
    expect(filterOf({ owner: '', kind: 'undated' })).toMatchObject({
      owner: '',
      closeMonth: 'undated',
      openOnly: true,
    });
  });

  it('the chart has a group per month and a bar per owner, zero where an owner has nothing', () => {
    const groups = chartGroups(
      forecast,
      (m) => m,
      (row) => row.ownerName ?? '',
    );
    expect(groups.map((g) => g.month)).toEqual(forecast.months);
    expect(groups[0]?.bars).toEqual([
      { ownerId: 'u1', legend: 'Max', weightedCents: 150_000, count: 1 },
      { ownerId: 'u2', legend: 'Lisa', weightedCents: 0, count: 0 },
    ]);
    expect(
      chartSummary(
        forecast,
        (m) => m,
        (c) => `${c}`,
      ),
    ).toBe('2026-11 150000, 2026-12 99, 2027-01 0');
  });
});
