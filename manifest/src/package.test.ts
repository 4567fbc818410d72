import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, describeApp, readPackageFiles } from './package';
import { DIST_DIR, MANIFEST_ROOT, REPO_ROOT } from './paths';
import { type WebFixture, createWebFixture } from './testing/fixtures';
import { DEFAULT_WEB_ROOTS, PackageValidationError, validatePackage } from './validate/index';

const run = promisify(execFile);
const CLI = path.join(MANIFEST_ROOT, 'src/cli/package.ts');

let fixture: WebFixture;
let outDir: string;

beforeAll(async () => {
  fixture = await createWebFixture();
  outDir = await mkdtemp(path.join(tmpdir(), 'klarkonform-dist-'));
});
afterAll(async () => {
  await fixture.cleanup();
  await rm(outDir, { recursive: true, force: true });
});

const DEV_SURFACES = [
  'Teams/M365 personal tab "KlarKonform Dev" → https://localhost:3000/teams/tab.html',
  'Teams meeting tab (meetingSidePanel, meetingDetailsTab, meetingChatTab) → https://localhost:3000/teams/tab.html?context=meeting',
  'Outlook mailRead: button "CRM-Karte" → https://localhost:3000/addin/taskpane.html (openPage, pinnable)',
  'Outlook meetingDetailsAttendee, meetingDetailsOrganizer: button "CRM-Karte" → https://localhost:3000/addin/taskpane.html (openPage)',
  'Outlook mailCompose: button "Empfänger & Vorlagen" → https://localhost:3000/addin/taskpane.html (openPage, pinnable)',
  'Outlook event messageSending (softBlock) → onMessageSendHandler in https://localhost:3000/addin/events.html (executeFunction)',
  'Outlook event messageRecipientsChanged → onMessageRecipientsChangedHandler in https://localhost:3000/addin/events.html (executeFunction)',
  'hides the add-in-only (XML) manifest a542bbb7-3aad-4677-a388-9ad4b15d1f1c where the unified app runs',
];

function runCli(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT });
}

describe('buildPackage', () => {
  it('writes the zip, the XML manifest and the unpacked manifest once the package passes', async () => {
    const built = await buildPackage('dev', { outDir, webRoots: fixture.webRoots, iconsDir: fixture.iconsDir });
    expect(path.basename(built.zipFile)).toBe('klarkonform-dev.zip');
    expect(path.basename(built.xmlFile)).toBe('klarkonform-dev-outlook-addin.xml');
    expect((await readdir(path.dirname(built.unpackedManifest))).sort()).toEqual([
      'color.png',
      'en-us.json',
      'manifest.json',
      'outline.png',
    ]);
    const contents = await readPackageFiles(built.zipFile, built.xmlFile);
    expect(
      await validatePackage(contents, { publicBaseUrl: 'https://localhost:3000', webRoots: fixture.webRoots }),
    ).toEqual([]);
    expect(describeApp(built.manifest)).toEqual(DEV_SURFACES);
  });

  it('writes nothing when validation fails, and lists why', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'klarkonform-out-'));
    try {
      const roots = [
        { urlPrefix: '/addin/', directory: path.join(fixture.dir, 'nothing') },
        ...fixture.webRoots.slice(1),
      ];
      const failure = buildPackage('dev', { outDir: empty, webRoots: roots });
      await expect(failure).rejects.toThrowError(PackageValidationError);
      await expect(failure).rejects.toThrow(/build the front ends first/);
      expect(await readdir(empty)).toEqual([]);
    } finally {
      await rm(empty, { recursive: true });
    }
  });
});

// The real thing: `npm run package -- --env dev` against the front ends the
// root test command has just built (addin/dist, teams-app/dist).
describe('npm run package -- --env dev', () => {
  it('produces a validated zip that lists the tab and the add-in surfaces', async () => {
    const missing = DEFAULT_WEB_ROOTS.map((r) => path.relative(REPO_ROOT, r.directory)).filter(
      (d) => !existsSync(path.join(REPO_ROOT, d)),
    );
    expect(
      missing,
      `front-end builds missing: ${missing.join(', ')}. Run \`npm run build\` first (npm test does).`,
    ).toEqual([]);

    const { stdout } = await runCli('--env', 'dev');
    expect(stdout).toContain('App package (validated):  manifest/dist/klarkonform-dev.zip');
    const contents = await readPackageFiles(
      path.join(DIST_DIR, 'klarkonform-dev.zip'),
      path.join(DIST_DIR, 'klarkonform-dev-outlook-addin.xml'),
    );
    expect(await validatePackage(contents, { publicBaseUrl: 'https://localhost:3000' })).toEqual([]);
    const manifest: unknown = JSON.parse(contents.files.get('manifest.json')?.toString('utf8') ?? '{}');
    expect(describeApp(manifest)).toEqual(DEV_SURFACES);
  });

  it('fails with a readable message for an unknown environment', async () => {
    const failure = runCli('--env', 'nowhere');
    await expect(failure).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no settings for environment "nowhere"'),
    });
  });

  it('explains its usage when --env is missing', async () => {
    await expect(runCli()).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage: npm run package -- --env <name>'),
    });
  });
});
