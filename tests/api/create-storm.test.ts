import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, person } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// Creates under parallel load: every create with its own Idempotency-Key is stored, numbers are
// unique and handed out only to stored contacts; racing retries of one create store it once.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const create = (app: TestApp, body: object, key: string = randomUUID(), tenantId?: string) =>
  app.request(
    { method: 'POST', url: '/api/v1/contacts', headers: { 'idempotency-key': key }, payload: body },
    tenantId ? { tenantId } : {},
  );

const numberOf = (n: number) => `C${String(n).padStart(5, '0')}`;

describe('parallel creates', () => {
  it('stores 200 parallel creates into a new tenant, numbered C00001…C00200 without gaps', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => create(t, person('Paula', `Parallel${i}`), randomUUID(), TENANT_B)),
    );
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 201)).toEqual([]);
    const numbers = answers.map((a) => a.json().contactNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => numberOf(i + 1)));
  }, 120_000);

  it('stores 50 racing retries of one create once, and the next create gets the next number', async () => {
    const key = randomUUID();
    const first = await create(t, company('Vorlauf GmbH'));
    const base = Number(first.json().contactNumber.slice(1));
    const answers = await Promise.all(Array.from({ length: 50 }, () => create(t, company('Einmal GmbH'), key)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([...Array(49).fill(200), 201].sort());
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(answers[0]?.json().contactNumber).toBe(numberOf(base + 1));
    const next = await create(t, company('Danach GmbH'));
    expect(next.json().contactNumber).toBe(numberOf(base + 2));
  }, 60_000);

  it('answers 409 to racing retries that send a different body under the same key', async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => create(t, company(i % 2 ? 'Gerade GmbH' : 'Ungerade GmbH'), key)),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.every((c) => c === 201 || c === 200 || c === 409)).toBe(true);
    const winner = answers.find((a) => a.statusCode === 201)?.json();
    for (const a of answers.filter((x) => x.statusCode === 200)) expect(a.json().name).toBe(winner.name);
  });

  it('keeps numbers unique when two API instances on one database create at once', async () => {
    const second = await createTestApp({ MONGODB_DB: t.config.mongodbDb });
    try {
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => create(i % 2 ? second : t, company(`Zwilling ${i} GmbH`))),
      );
      expect(answers.map((a) => a.statusCode).filter((s) => s !== 201)).toEqual([]);
      const numbers = answers.map((a) => a.json().contactNumber);
      expect(new Set(numbers).size).toBe(60);
    } finally {
      await second.app.close();
    }
  }, 60_000);
});
