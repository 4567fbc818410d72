import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditModel } from '../../api/src/features/audit/audit.model';
import { contactModels } from '../../api/src/features/contacts/contacts.model';
import { company, createContact } from '../support/contacts';
import { createTestApp, TENANT_A, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createContact(t, company('Sichtbar GmbH'));
});
afterAll(() => t.close());

describe('the data-access layer refuses queries without a tenant', () => {
  it.each([
    ['find', (m: ReturnType<typeof contactModels>) => m.contacts.find({ kind: 'company' }).lean()],
    ['findOne', (m: ReturnType<typeof contactModels>) => m.contacts.findOne({}).lean()],
    ['countDocuments', (m: ReturnType<typeof contactModels>) => m.contacts.countDocuments({})],
    ['updateMany', (m: ReturnType<typeof contactModels>) => m.contacts.updateMany({}, { $set: { x: 1 } })],
    ['deleteMany', (m: ReturnType<typeof contactModels>) => m.contacts.deleteMany({})],
    ['aggregate', (m: ReturnType<typeof contactModels>) => m.contacts.aggregate([{ $match: { kind: 'company' } }])],
    [
      'findOneAndUpdate',
      (m: ReturnType<typeof contactModels>) =>
        m.counters.findOneAndUpdate({ name: 'contactNumber' }, { $inc: { seq: 1 } }),
    ],
  ])('%s without tenantId throws', async (_op, run) => {
    await expect(run(contactModels(t.app.mongo))).rejects.toThrow(/every query must filter by tenantId/);
  });

  it('still answers scoped queries, and the audit model is guarded too', async () => {
    const m = contactModels(t.app.mongo);
    expect(await m.contacts.countDocuments({ tenantId: TENANT_A })).toBe(1);
    await expect(auditModel(t.app.mongo).find({}).lean()).rejects.toThrow(/tenantId/);
    expect(await m.contacts.countDocuments({ tenantId: TENANT_A })).toBe(1);
  });
});
