import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexedModels } from '../../api/src/cli/indexed-models';
import { createTestApp, type TestApp } from '../support/test-app';

// `npm run db:indexes` creates the indexes for deployments that switch automatic index builds off
// (MONGODB_AUTO_INDEX=false). It must know every collection the running API queries: a forgotten
// one would run its hot paths as full scans there.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('db:indexes', () => {
  it('covers every model the API registers, and each declares a tenant-led index', async () => {
    const registered = Object.keys(t.app.mongo.models).sort();
    const covered = indexedModels(t.app.mongo)
      .map((model) => model.modelName)
      .sort();
    expect(covered).toEqual(registered);
    for (const model of indexedModels(t.app.mongo)) {
      const keys = model.schema.indexes().map(([fields]) => Object.keys(fields));
      expect(keys.length, model.modelName).toBeGreaterThan(0);
      expect(
        keys.every((fields) => fields[0] === 'tenantId' || fields[0] === '_id'),
        model.modelName,
      ).toBe(true);
    }
  });
});
