import { addMonths, forecastMonths, weightedCents } from '@klarkonform/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person } from '../support/contacts';
import { createOpportunity, listIds, patchOpportunity } from '../support/opportunities';
import { createTestApp, TENANT_A, type TestApp } from '../support/test-app';

// The forecast (weighted amount per month, current month + next two in Berlin, per owner and in
// total) checked against hand-computed figures; every figure opens exactly its opportunities
// through the list; the board's columns; list order, paging and the contact filter.

type Opp = { id: string; amountCents: number; probability: number; stage: string; version: number };
type Figure = { weightedCents: number; amountCents: number; count: number };

let t: TestApp;
const bea = { userId: 'user-bea', name: 'Bea Berater', email: 'bea@firma.de' } as const;
const [m0, m1, m2] = forecastMonths(new Date()) as [string, string, string];
const overdueDay = `${addMonths(m0, -2)}-10`;
const beyondDay = `${addMonths(m2, 1)}-01`;
const o: Record<string, Opp> = {};
let firma: Record<string, unknown>;
let anna: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  await t.request({ method: 'GET', url: '/api/v1/me' }, bea);
  firma = await createContact(t, company('Forecast AG'));
  anna = await createContact(t, person('Anna', 'Arndt', { companyId: firma.id }));
  const other = await createContact(t, person('Otto', 'Ohnefirma'));
  const make = async (name: string, body: Record<string, unknown>) => {
    o[name] = (await createOpportunity(t, { contactId: anna.id, title: name, ...body })) as unknown as Opp;
  };
  // Test User (user-a)
  await make('a1 Anlage', { amountCents: 1_000_000, stage: 'offer', expectedCloseDate: `${m0}-15` }); // 60 % → 600,000
  await make('a2 Kleinteil', {
    amountCents: 333,
    stage: 'negotiation',
    probability: 55,
    expectedCloseDate: `${m0}-28`,
  }); // 183.15 → 183
  await make('a3 Schulung', { amountCents: 250_000, stage: 'meeting', expectedCloseDate: `${m2}-01` }); // 40 % → 100,000
  await make('a4 Altprojekt', { amountCents: 99_999, expectedCloseDate: overdueDay }); // 10 % → 9,999.9 → 10,000
  await make('a5 Verloren', {
    amountCents: 5_000,
    stage: 'lost',
    lossReason: 'Zu teuer',
    expectedCloseDate: `${m1}-03`,
  });
  // Bea
  await make('b1 Wartung', {
    amountCents: 500_005,
    stage: 'infoSent',
    ownerId: bea.userId,
    expectedCloseDate: `${m1}-20`,
  }); // 20 % → 100,001
  await make('b2 Ohne Datum', { amountCents: 1_001, stage: 'offer', probability: 50, ownerId: bea.userId }); // 500.5 → 501
  await make('b3 Großauftrag', {
    amountCents: 700_000,
    stage: 'negotiation',
    ownerId: bea.userId,
    expectedCloseDate: beyondDay,
  }); // 80 % → 560,000
  await make('b4 Gewonnen', {
    amountCents: 9_999_999,
    stage: 'won',
    ownerId: bea.userId,
    expectedCloseDate: `${m0}-02`,
  });
  await make('b5 Später', { amountCents: 123, stage: 'later', ownerId: bea.userId, expectedCloseDate: `${m1}-09` });
  await make('c1 Andere Firma', { contactId: other.id, amountCents: 0, stage: 'won', ownerId: bea.userId });
  // Won 40 days ago: out of the board's 30 days (the clock moved back by hand, version advanced).
  const longAgo = new Date(Date.now() - 40 * 86_400_000);
  const monthBerlin = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' })
    .format(longAgo)
    .slice(0, 7);
  const moved = await t.app.mongo
    .db!.collection('opportunities')
    .updateOne(
      { tenantId: TENANT_A, title: 'c1 Andere Firma' },
      { $set: { closedAt: longAgo.toISOString(), closedMonth: monthBerlin }, $inc: { version: 1 } },
    );
  expect(moved.modifiedCount).toBe(1);
});
afterAll(async () => t.close());

const forecast = async (query = '') => {
  const res = await t.request({ method: 'GET', url: `/api/v1/opportunities/forecast${query}` });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const fig = (weightedCents: number, amountCents: number, count: number): Figure => ({
  weightedCents,
  amountCents,
  count,
});
const none = fig(0, 0, 0);

describe('forecast', () => {
  it('sums weighted amounts per owner and month as computed by hand', async () => {
    const f = await forecast();
    expect(f.months).toEqual([m0, m1, m2]);
    expect(f.truncated).toBe(false);
    expect(f.rows.map((r: { ownerName: string }) => r.ownerName)).toEqual(['Bea Berater', 'Test User']);
    const [b, a] = f.rows;
    expect(a.cells).toEqual([
      { month: m0, ...fig(600_183, 1_000_333, 2) },
      { month: m1, ...none },
      { month: m2, ...fig(100_000, 250_000, 1) },
    ]);
    expect(a.overdue).toEqual(fig(10_000, 99_999, 1));
    expect(a.undated).toEqual(none);
    expect(a.beyond).toEqual(none);
    expect(b.cells).toEqual([
      { month: m0, ...none },
      { month: m1, ...fig(100_001, 500_005, 1) },
      { month: m2, ...none },
    ]);
    expect(b.undated).toEqual(fig(501, 1_001, 1));
    expect(b.beyond).toEqual(fig(560_000, 700_000, 1));
    expect(f.total.cells.map((c: Figure) => c.weightedCents)).toEqual([600_183, 100_001, 100_000]);
    expect(f.total.overdue).toEqual(fig(10_000, 99_999, 1));
    expect(f.total.undated).toEqual(fig(501, 1_001, 1));
    expect(f.total.beyond).toEqual(fig(560_000, 700_000, 1));
  });

  it('opens each figure: the list by owner, close month and open=true returns exactly its opportunities', async () => {
    const f = await forecast();
    const lines = [
      ...f.rows.map((r: { ownerId: string }) => ({ line: r, owner: `owner=${r.ownerId}&` })),
      { line: f.total, owner: '' },
    ];
    const check = async (owner: string, closeMonth: string, figure: Figure) => {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/opportunities?${owner}closeMonth=${closeMonth}&open=true`,
      });
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Opp[];
      const sum = items.reduce((acc, i) => acc + weightedCents(i.amountCents, i.probability), 0);
      expect({ owner, closeMonth, weighted: sum, count: items.length }).toEqual({
        owner,
        closeMonth,
        weighted: figure.weightedCents,
        count: figure.count,
      });
    };
    for (const { line, owner } of lines) {
      for (const cell of line.cells) await check(owner, cell.month, cell);
      for (const key of ['overdue', 'undated', 'beyond']) await check(owner, key, line[key]);
    }
    // And by name, for two of them.
    expect(await listIds(t, `owner=user-a&closeMonth=${m0}&open=true`)).toEqual([
      o['a1 Anlage']?.id,
      o['a2 Kleinteil']?.id,
    ]);
    expect(await listIds(t, 'closeMonth=overdue&open=true')).toEqual([o['a4 Altprojekt']?.id]);
  });

  it('narrows to one owner ("me" is the caller) and moves with stage changes', async () => {
    const mine = await forecast('?owner=me');
    expect(mine.rows.map((r: { ownerId: string }) => r.ownerId)).toEqual(['user-a']);
    expect(mine.total.cells[0].weightedCents).toBe(600_183);
    const b = await forecast(`?owner=${bea.userId}`);
    expect(b.total.cells[1].weightedCents).toBe(100_001);
  });
});

describe('board', () => {
  it('has the five open stages in order, then won, lost and later of the last 30 days, with counts and sums', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/opportunities/board' });
    expect(res.statusCode).toBe(200);
    const { columns } = res.json();
    const summary = columns.map(
      (c: {
        stage: string;
        items: Array<{ title: string }>;
        count: number;
        amountCents: number;
        weightedCents: number;
        more: boolean;
      }) => [c.stage, c.items.map((i) => i.title), c.count, c.amountCents, c.weightedCents, c.more],
    );
    expect(summary).toEqual([
      ['needsAnalysis', ['a4 Altprojekt'], 1, 99_999, 10_000, false],
      ['infoSent', ['b1 Wartung'], 1, 500_005, 100_001, false],
      ['meeting', ['a3 Schulung'], 1, 250_000, 100_000, false],
      ['offer', ['a1 Anlage', 'b2 Ohne Datum'], 2, 1_001_001, 600_501, false],
      ['negotiation', ['a2 Kleinteil', 'b3 Großauftrag'], 2, 700_333, 560_183, false],
      ['won', ['b4 Gewonnen'], 1, 9_999_999, 9_999_999, false],
      ['lost', ['a5 Verloren'], 1, 5_000, 0, false],
      ['later', ['b5 Später'], 1, 123, 0, false],
    ]);
  });

  it('shows one owner’s board', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/opportunities/board?owner=${bea.userId}` });
    const counts = res.json().columns.map((c: { count: number }) => c.count);
    expect(counts).toEqual([0, 1, 0, 1, 1, 1, 0, 1]);
  });
});

describe('list', () => {
  it('orders by close date (undated last), then title, page by page', async () => {
    const all = await listIds(t, '');
    expect(all).toHaveLength(11);
    const byTitle = Object.fromEntries(Object.entries(o).map(([k, v]) => [v.id, k]));
    const titles = all.map((id) => byTitle[id]);
    expect(titles.slice(-2)).toEqual(['b2 Ohne Datum', 'c1 Andere Firma']);
    expect(titles[0]).toBe('a4 Altprojekt');
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/opportunities?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.request({ method: 'GET', url })).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.items.map((i: Opp) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('filters by stage, owner, open and contact; a company lists its people’s opportunities too', async () => {
    expect(await listIds(t, 'stage=offer')).toEqual([o['a1 Anlage']?.id, o['b2 Ohne Datum']?.id]);
    expect((await listIds(t, 'owner=me')).length).toBe(5);
    expect((await listIds(t, 'open=true')).length).toBe(7);
    expect((await listIds(t, 'open=false')).length).toBe(4);
    expect((await listIds(t, `contactId=${firma.id}`)).length).toBe(10);
    expect((await listIds(t, `contactId=${anna.id}&open=true`)).length).toBe(7);
    expect(await listIds(t, `owner=${bea.userId}&stage=won`)).toEqual([o['b4 Gewonnen']?.id, expect.any(String)]);
  });

  it('keeps the forecast figure in sync after a stage change', async () => {
    const a1 = o['a1 Anlage'] as Opp;
    const res = await patchOpportunity(t, a1.id, a1.version, { stage: 'negotiation' });
    expect(res.statusCode).toBe(200);
    const f = await forecast('?owner=me');
    expect(f.total.cells[0].weightedCents).toBe(800_000 + 183);
    expect(await listIds(t, `owner=me&closeMonth=${m0}&open=true`)).toEqual([a1.id, o['a2 Kleinteil']?.id]);
  });
});
