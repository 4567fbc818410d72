// npm run bench (BENCH_ONLY=import): the import assistant and the export of issue 16 at scale.
// A CSV of BENCH_IMPORT_ROWS rows (default 50,000: ten people per company, every company new) is
// uploaded, imported as the background job does it, and the resulting contacts exported as CSV
// and .xlsx, through the real API on a fresh embedded engine. Prints time, rows/s and the
// process's peak RSS (API and bench share the process). Nothing fails on the numbers.
import type { AppRole, Import } from '@klarkonform/shared';
import { startBenchServer } from './bench-support';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const TENANT = '11111111-1111-4111-8111-111111111111';

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Greta', 'Hannes', 'Ida', 'Jonas', 'Karla', 'Lukas'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Koch', 'Richter'];
const CITIES = ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt', 'Stuttgart', 'Düsseldorf', 'Leipzig'];

/** A semicolon CSV as German Excel writes it (UTF-8 with BOM): persons with their company. */
function csv(rows: number): string {
  const lines = ['Anrede;Vorname;Nachname;Firma;Position;Straße;PLZ;Ort;Telefon;Mobil;E-Mail;Tags'];
  for (let i = 0; i < rows; i++) {
    const firm = Math.floor(i / 10);
    lines.push(
      [
        i % 2 ? 'Herr' : 'Frau',
        FIRST[i % FIRST.length],
        `${LAST[i % 10]}-${firm.toString(36)}`,
        `Firma ${firm.toString(36)} GmbH`,
        i % 10 === 0 ? 'Geschäftsführung' : 'Vertrieb',
        `Hauptstraße ${(i % 200) + 1}`,
        String(10000 + (firm % 89999)),
        CITIES[firm % CITIES.length],
        `030 ${1000000 + i}`,
        `0171 ${2000000 + i}`,
        `person${i}@firma-${firm.toString(36)}.de`,
        i % 3 === 0 ? 'Weihnachtskarte' : '',
      ].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const server = await startBenchServer('import-bench');
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  try {
    const issuer = server.app.localIssuer;
    if (!issuer) throw new Error('no local issuer');
    // Tokens live an hour and a 50,000-row import on a busy machine may take longer: a fresh one per request.
    const authorization = async () =>
      `Bearer ${await issuer.mint({
        tenantId: TENANT,
        userId: 'bench-admin',
        name: 'Bench Admin',
        roles: ['CRM.Admin'] as AppRole[],
      })}`;
    const body = csv(ROWS);
    // BENCH_PROFILE=1: how many database calls of each kind the import made (mongoose's debug hook).
    const commands = new Map<string, number>();
    if (process.env.BENCH_PROFILE) {
      server.app.mongo.set('debug', (coll: string, method: string) => {
        const key = `${coll}.${method}`;
        commands.set(key, (commands.get(key) ?? 0) + 1);
      });
    }
    console.log(`import of ${ROWS} rows (${mb(Buffer.byteLength(body))} CSV)`);

    const startRss = process.memoryUsage().rss;
    peak = startRss;
    let t0 = performance.now();
    const uploaded = await fetch(`${server.baseUrl}/api/v1/imports?fileName=bench.csv`, {
      method: 'POST',
      headers: { authorization: await authorization(), 'content-type': 'text/csv' },
      body,
    });
    if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
    const imp = (await uploaded.json()) as Import;
    const uploadMs = performance.now() - t0;
    console.log(`  upload and parse: ${(uploadMs / 1000).toFixed(1)} s`);

    t0 = performance.now();
    const run = await fetch(`${server.baseUrl}/api/v1/imports/${imp.id}/run`, {
      method: 'POST',
      headers: { authorization: await authorization(), 'content-type': 'application/json' },
      body: '{"dryRun":false}',
    });
    if (run.status !== 202) throw new Error(`run: ${run.status} ${await run.text()}`);
    let state: Import = imp;
    let lastLog = 0;
    for (;;) {
      const res = await fetch(`${server.baseUrl}/api/v1/imports/${imp.id}`, {
        headers: { authorization: await authorization() },
      });
      if (!res.ok) throw new Error(`progress: ${res.status} ${await res.text()}`);
      state = (await res.json()) as Import;
      if (state.status !== 'running' && state.status !== 'queued') break;
      if (performance.now() - lastLog > 30_000) {
        lastLog = performance.now();
        const s = (performance.now() - t0) / 1000;
        console.log(
          `  … ${state.run?.done ?? 0} rows after ${s.toFixed(0)} s (${((state.run?.done ?? 0) / s).toFixed(0)} rows/s)`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const importS = (performance.now() - t0) / 1000;
    console.log(
      `  import: ${state.status}, ${JSON.stringify(state.run?.counts)}, ${importS.toFixed(0)} s, ${(ROWS / importS).toFixed(0)} rows/s, peak RSS ${mb(peak)} (at start ${mb(startRss)})`,
    );

    if (process.env.BENCH_PROFILE) {
      const calls = [...commands].filter(([key]) => !key.endsWith('.createIndex')).sort((a, b) => b[1] - a[1]);
      console.log(`  database calls per row: ${calls.map(([k, n]) => `${k} ${(n / ROWS).toFixed(2)}`).join(', ')}`);
    }
    for (const format of ['csv', 'xlsx'] as const) {
      peak = process.memoryUsage().rss;
      t0 = performance.now();
      const res = await fetch(`${server.baseUrl}/api/v1/exports`, {
        method: 'POST',
        headers: { authorization: await authorization(), 'content-type': 'application/json' },
        body: JSON.stringify({ format }),
      });
      if (!res.ok) throw new Error(`export ${format}: ${res.status} ${await res.text()}`);
      const bytes = (await res.arrayBuffer()).byteLength;
      const s = (performance.now() - t0) / 1000;
      const count = Number(res.headers.get('x-export-count'));
      console.log(
        `export ${format}: ${count} contacts, ${mb(bytes)}, ${s.toFixed(1)} s, ${(count / s).toFixed(0)} contacts/s, peak RSS ${mb(peak)}`,
      );
    }
  } finally {
    clearInterval(sampler);
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
