import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsError, loadSettings, parseSettings } from './settings';

const VALID = {
  appId: '11111111-2222-4333-8444-555555555555',
  xmlAddinId: '66666666-7777-4888-9999-aaaaaaaaaaaa',
  entraClientId: 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff',
  publicBaseUrl: 'https://crm.example.de',
  version: '1.4.2',
  developer: {
    name: 'Muster GmbH',
    websiteUrl: 'https://www.example.de/',
    privacyUrl: 'https://www.example.de/datenschutz',
    termsOfUseUrl: 'https://www.example.de/impressum',
  },
};

function problemsOf(raw: unknown): readonly string[] {
  try {
    parseSettings(raw, 'test.json');
  } catch (err) {
    if (err instanceof SettingsError) return err.problems;
    throw err;
  }
  return [];
}

describe('parseSettings', () => {
  it('accepts valid settings and defaults the app name', () => {
    expect(parseSettings(VALID, 'test.json')).toMatchObject({
      appName: 'KlarKonform',
      publicBaseUrl: 'https://crm.example.de',
    });
  });

  it('normalises GUIDs to lower case and the base URL to its origin', () => {
    const settings = parseSettings(
      { ...VALID, appId: VALID.appId.toUpperCase(), publicBaseUrl: 'https://crm.example.de/' },
      't',
    );
    expect(settings.appId).toBe(VALID.appId);
    expect(settings.publicBaseUrl).toBe('https://crm.example.de');
  });

  it.each([
    [{ publicBaseUrl: 'http://localhost:3000' }, 'publicBaseUrl "http://localhost:3000" must be an absolute https URL'],
    [{ publicBaseUrl: 'http://localhost:3000' }, 'use https://localhost:3000 for development'],
    [{ publicBaseUrl: 'https://crm.example.de/app' }, 'must be an origin only, e.g. https://crm.example.de'],
    [{ xmlAddinId: VALID.appId }, 'xmlAddinId must differ from appId'],
    [
      { entraClientId: VALID.appId },
      'entraClientId is the Entra app registration id and must not reuse appId or xmlAddinId',
    ],
    [{ appId: 'my-app' }, 'appId must be a GUID'],
    [{ version: '1.0' }, 'version must look like 1.0.0'],
    [{ version: '1.0.0-rc.1' }, 'version must look like 1.0.0'],
    [
      { appName: 'A name that is far too long for a tab title' },
      'appName must be a non-empty text of at most 30 characters',
    ],
    [{ developer: { ...VALID.developer, privacyUrl: undefined } }, 'developer.privacyUrl is required (an https URL)'],
    [{ colour: 'teal' }, 'unknown setting "colour"'],
  ])('rejects %j', (change, expected) => {
    const problems = problemsOf({ ...VALID, ...change });
    expect(
      problems.some((p) => p.includes(expected)),
      `${expected} in ${JSON.stringify(problems)}`,
    ).toBe(true);
  });

  it('lists every problem, not just the first', () => {
    expect(problemsOf({ version: 'x' }).length).toBeGreaterThanOrEqual(5);
  });
});

describe('loadSettings', () => {
  it('loads the committed dev and example production settings', async () => {
    expect((await loadSettings('dev')).publicBaseUrl).toBe('https://localhost:3000');
    expect((await loadSettings('example.production')).publicBaseUrl).toMatch(/^https:\/\//);
  });

  it('explains how to create a missing environment', async () => {
    await expect(loadSettings('staging')).rejects.toThrow(
      /no settings for environment "staging": create .*env\/staging\.json/,
    );
  });

  it('refuses environment names that could leave the env folder', async () => {
    await expect(loadSettings('../package')).rejects.toThrow('may contain only letters, digits');
  });

  it('reports invalid JSON with the file name', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'klarkonform-env-'));
    try {
      await writeFile(path.join(dir, 'broken.json'), '{ "appId": ');
      await expect(loadSettings('broken', dir)).rejects.toThrow(/broken\.json:\n {2}- not valid JSON/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
