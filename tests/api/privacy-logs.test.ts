import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, person, withEmail } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

// Personal data stays out of logs and caches: info logs name routes and query parameter names,
// never the values (sender addresses, search terms); API answers are never stored by caches.

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'info' }, { logStream: { write: (line) => void lines.push(line) } });
});
afterAll(async () => t.close());

describe('logs without personal data', () => {
  it('logs card lookups and searches without the addresses, names or search terms', async () => {
    await createContact(t, person('Frieda', 'Vertraulich', withEmail('frieda.vertraulich@geheim-gmbh.de')));
    lines.length = 0;
    const queries = [
      '/api/v1/cards?email=frieda.vertraulich@geheim-gmbh.de&name=Frieda%20Vertraulich',
      '/api/v1/contacts?q=Vertraulich',
      '/api/v1/contacts?q=geheim-gmbh.de&limit=5',
      '/api/v1/nowhere?email=frieda.vertraulich@geheim-gmbh.de',
    ];
    for (const url of queries) await t.request({ method: 'GET', url });
    await t.app.inject({ method: 'GET', url: '/api/v1/cards?email=frieda.vertraulich@geheim-gmbh.de' });

    const log = lines.join('');
    expect(log).toContain('/api/v1/cards?email=…&name=…');
    expect(log).toContain('/api/v1/contacts?q=…&limit=…');
    for (const secret of ['frieda', 'Frieda', 'Vertraulich', 'geheim', '%20']) expect(log).not.toContain(secret);
  });
});

describe('caching', () => {
  it('sends Cache-Control: no-store on API answers, errors and tokens', async () => {
    const answers = [
      await t.request({ method: 'GET', url: '/api/v1/me' }),
      await t.request({ method: 'GET', url: '/api/v1/contacts?q=Vertraulich' }),
      await t.request({ method: 'GET', url: '/api/v1/contacts/000000000000000000000000' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/me' }),
      await t.app.inject({ method: 'POST', url: '/local-issuer/token', payload: {} }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 404, 401, 200]);
    for (const a of answers) expect(a.headers['cache-control']).toBe('no-store');
  });
});
