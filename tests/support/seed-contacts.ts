import type { Connection } from 'mongoose';
import { contactModels } from '../../api/src/features/contacts/contacts.model';
import { derive } from '../../api/src/features/contacts/contacts.mapper';

// Many realistic contacts fast, written straight into the collection with the API's own derived
// fields (search keys, lookup fields): for the benchmark and the query-plan test.

export const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

// Surnames spread like a German customer base: the ten most common names for one person in ten
// (about 1 % each, as Müller and Schmidt are), the rest a long tail of 1,600 names built from
// syllables; first names from a list of 24.
const STEMS = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann'];
const HEADS =
  'Al Bau Bir Dre Eck Fal Gro Hak Ihl Jan Kal Lor Mah Nol Ost Pfa Qua Ros Sal Tal Ulr Vog Wal Zie Bre Dor Fel Gei Hun Kra Lin Mar Nie Pla Rei Sto Tre Wei Wun Zim'.split(
    ' ',
  );
const TAILS =
  'mann er berg bach feld haus dorf ing stein brandt heim rath ke ler ner ter bold hof inger ling mayer kamp wald horn rich ert lein acker burg mer isch sen ow itz au wig land baum gart'.split(
    ' ',
  );
const FIRST =
  'Max Anna Lukas Lena Jonas Mia Paul Emma Felix Sophie Leon Marie Tim Laura Jan Julia Ben Hannah Elias Lea Noah Clara Finn Ida'.split(
    ' ',
  );

export function lastName(i: number): string {
  if (i % 10 === 0) return pick(STEMS, i / 10);
  const n = (i * 7919) % (HEADS.length * TAILS.length);
  return `${HEADS[n % HEADS.length]}${TAILS[Math.floor(n / HEADS.length)]}`;
}

const emptyParts = {
  businessPhones: [],
  homePhones: [],
  tags: [],
  consent: { channels: { email: [], phone: [], letter: [], newsletter: [] } },
  notes: { specifics: '', history: [], openItems: [], free: [] },
  archived: null,
  version: 1,
};

function personFields(i: number, companyId: string, c: number) {
  return {
    kind: 'person' as const,
    salutation: 'none',
    firstName: pick(FIRST, i),
    lastName: lastName(i),
    companyId,
    position: pick(['Einkauf', 'Geschäftsführung', 'Buchhaltung', 'IT-Leitung', 'Vertrieb'], i),
    roles: i % 5 === 0 ? ['decisionMaker'] : i % 5 === 1 ? ['billingContact'] : [],
    emails: [{ address: `p${i}@firma${c}.de`, primary: true }],
    relationships: [pick(['customer', 'customer', 'lead', 'supplier', 'partner'], i)],
    ...(i % 5 === 2 ? { lead: { status: pick(['new', 'qualifying', 'offer'], i), source: 'tradeFair' } } : {}),
    ...emptyParts,
    businessPhones: [`+49 30 ${String(1_000_000 + i)}`],
    ownerId: pick(['bench', 'bench-2'], i),
  };
}

/** Seeds `size` contacts (a tenth of them companies) in one tenant, straight into the collection. */
export async function seedContacts(connection: Connection, tenantId: string, size: number, label: string) {
  const { contacts, counters } = contactModels(connection);
  await contacts.init();
  const companies = Math.max(1, Math.round(size / 10));
  const now = new Date().toISOString();
  const actor = { id: 'bench', name: 'Bench' };
  let n = 0;
  const doc = (fields: Record<string, unknown>) => {
    n++;
    const { fields: f, lookup } = derive({
      ...fields,
      createdAt: now,
      updatedAt: now,
      createdBy: actor,
      updatedBy: actor,
    } as never);
    return {
      ...f,
      tenantId,
      contactNumber: `C${String(n).padStart(5, '0')}`,
      idempotencyKey: `bench-${label}-${n}`,
      requestHash: 'x',
      ...lookup,
    };
  };
  const companyIds: string[] = [];
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length === 0) return [];
    const created = await contacts.insertMany(batch, { ordered: false });
    batch = [];
    return created;
  };
  for (let c = 0; c < companies; c++) {
    batch.push(
      doc({
        kind: 'company',
        name: `${pick(['Firma', 'Werk', 'Handel', 'Bau', 'Technik'], c)} ${c} ${pick(['GmbH', 'AG', 'GmbH & Co. KG', 'KG', 'e.K.'], c)}`,
        emails: [{ address: `info@firma${c}.de`, primary: true }],
        website: `https://www.firma${c}.de`,
        relationships: ['customer'],
        ...emptyParts,
        ownerId: 'bench',
      }),
    );
    if (batch.length === 1000) companyIds.push(...(await flush()).map((d) => String(d._id)));
  }
  companyIds.push(...(await flush()).map((d) => String(d._id)));
  for (let i = 0; n < size; i++) {
    const c = i % companies;
    batch.push(doc(personFields(i, companyIds[c]!, c)));
    if (batch.length === 1000) await flush();
  }
  await flush();
  await counters.updateOne({ tenantId, name: 'contactNumber' }, { $set: { seq: n, version: 1 } }, { upsert: true });
  return companies;
}
