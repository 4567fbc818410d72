import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawTileIcon } from '../art/icon-art';
import { encodePng } from '../png';
import type { RenderedApp } from '../render';
import {
  EVENTS_SCRIPT,
  type WebFixture,
  createWebFixture,
  renderDev,
  withFile,
  withManifest,
} from '../testing/fixtures';
import { type PackageContents, type ValidationProblem, validatePackage } from './index';

// The unified-manifest checks, each proven on a package that is valid except
// for one deliberate fault. Fixtures live in a temp dir (see testing/fixtures).

let fixture: WebFixture;
let app: RenderedApp;

beforeAll(async () => {
  fixture = await createWebFixture();
  app = await renderDev(fixture);
});
afterAll(() => fixture.cleanup());

function validate(pkg: PackageContents): Promise<ValidationProblem[]> {
  return validatePackage(pkg, { publicBaseUrl: app.settings.publicBaseUrl, webRoots: fixture.webRoots });
}

const CONTROL = 'extensions[0].ribbons[0].tabs[0].groups[0].controls[0]';

describe('validatePackage on the unified manifest', () => {
  it('accepts the rendered dev package, XML manifest included', async () => {
    expect(await validate(app)).toEqual([]);
  });

  it('rejects a ribbon button whose actionId names no runtime action', async () => {
    const problems = await validate(withManifest(app, { [`${CONTROL}.actionId`]: 'ShowMailCrad' }));
    expect(problems).toEqual([
      {
        check: 'actions',
        where: `${CONTROL}.actionId`,
        message:
          'actionId "ShowMailCrad" does not match any runtime action (defined: ShowMailCard, ShowMeetingCard, ShowComposeCard, onMessageSendHandler, onMessageRecipientsChangedHandler)',
      },
    ]);
  });

  it('rejects an event handler whose actionId names no runtime action', async () => {
    const problems = await validate(
      withManifest(app, {
        'extensions[0].autoRunEvents': [
          {
            requirements: { capabilities: [{ name: 'Mailbox', minVersion: '1.12' }] },
            events: [{ type: 'messageSending', actionId: 'onSend', options: { sendMode: 'softBlock' } }],
          },
        ],
      }),
    );
    expect(problems.map((p) => p.where)).toEqual(['extensions[0].autoRunEvents[0].events[0].actionId']);
  });

  it('rejects an action id defined twice', async () => {
    const problems = await validate(
      withManifest(app, {
        'extensions[0].runtimes[0].actions[1].id': 'ShowMailCard',
        'extensions[0].ribbons[1].tabs[0].groups[0].controls[0].actionId': 'ShowMailCard',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        check: 'actions',
        message: expect.stringContaining('already defined at extensions[0].runtimes[0].actions[0]'),
      }),
    );
  });

  it('requires function actions to be registered with Office.actions.associate in the runtime script', async () => {
    const script = path.join(fixture.webRoots[0]?.directory ?? '', 'events.js');
    await writeFile(
      script,
      'Office.actions.associate("onMessageSendHandler", onSend); // onMessageRecipientsChangedHandler',
    );
    try {
      expect((await validate(app)).map((p) => p.where)).toEqual([
        'extensions[0].runtimes[1].code.script',
        expect.stringMatching(/^outlook-addin\.xml line \d+ <LaunchEvent>$/),
      ]);
      // A mere mention of the name is no association: both manifests' event checks see it.
      expect((await validate(app)).map((p) => p.message)).toEqual([
        'https://localhost:3000/addin/events.js does not call Office.actions.associate("onMessageRecipientsChangedHandler", …)',
        'https://localhost:3000/addin/events.js does not call Office.actions.associate("onMessageRecipientsChangedHandler", …)',
      ]);
    } finally {
      await writeFile(script, EVENTS_SCRIPT);
    }
    expect(await validate(app)).toEqual([]);
  });

  it('rejects a URL to a page the front-end build does not emit', async () => {
    const problems = await validate(
      withManifest(app, { 'staticTabs[0].contentUrl': 'https://localhost:3000/teams/leads.html' }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ check: 'urls', where: 'staticTabs[0].contentUrl' });
    expect(problems[0]?.message).toMatch(/leads\.html does not exist: the build does not emit this page or file$/);
  });

  it('rejects URLs on our origin outside the served folders, and plain http', async () => {
    const problems = await validate(
      withManifest(app, {
        'staticTabs[0].websiteUrl': 'https://localhost:3000/crm/',
        'developer.websiteUrl': 'http://klarkonform.example/',
      }),
    );
    expect(problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'developer.websiteUrl: http://klarkonform.example/ must use https: Outlook and Teams refuse plain http',
      "staticTabs[0].websiteUrl: https://localhost:3000/crm/ does not resolve: it is on the app's origin but outside the folders the API serves (/addin/, /teams/, /icons/)",
    ]);
  });

  it('rejects a folder URL, which the API does not serve', async () => {
    const problems = await validate(withManifest(app, { 'staticTabs[0].websiteUrl': 'https://localhost:3000/teams/' }));
    expect(problems.map((p) => p.message)).toEqual([
      'https://localhost:3000/teams/ does not resolve: it names a folder, and the API serves files only (no index pages)',
    ]);
  });

  it('tells the developer to build the front ends when a build folder is missing', async () => {
    const problems = await validatePackage(app, {
      publicBaseUrl: app.settings.publicBaseUrl,
      webRoots: [
        { urlPrefix: '/addin/', directory: path.join(fixture.dir, 'not-built') },
        ...fixture.webRoots.slice(1),
      ],
    });
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems)
      expect(p.message).toMatch(/which does not exist: build the front ends first \(npm run build -- --front-ends\)$/);
  });

  it('rejects a package without its outline icon', async () => {
    const problems = await validate(withFile(app, 'outline.png', undefined));
    expect(problems).toEqual([
      {
        check: 'icons',
        where: 'icons.outline',
        message: 'outline.png is not in the app package (expected a 32×32 PNG at that path in the zip)',
      },
    ]);
  });

  it('rejects a colour icon of the wrong size', async () => {
    const problems = await validate(withFile(app, 'color.png', encodePng(drawTileIcon(128))));
    expect(problems).toEqual([
      { check: 'icons', where: 'icons.color', message: 'color.png is 128×128 pixels; this slot needs 192×192' },
    ]);
  });

  it('rejects an outline icon that is not white on transparent', async () => {
    const problems = await validate(withFile(app, 'outline.png', encodePng(drawTileIcon(32))));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(
      /^outline\.png must be white on a transparent background, but pixel \(\d+, \d+\) is #0E7C86/,
    );
  });

  it('rejects a file that is not a PNG', async () => {
    const problems = await validate(withFile(app, 'color.png', Buffer.from('GIF89a')));
    expect(problems[0]?.message).toBe('color.png is not a valid PNG (not a PNG file)');
  });

  it('rejects a ribbon icon URL whose file is missing or the wrong size', async () => {
    await rm(path.join(fixture.iconsDir, 'icon-80.png'));
    await writeFile(path.join(fixture.iconsDir, 'icon-16.png'), encodePng(drawTileIcon(20)));
    try {
      const problems = await validate({ files: app.files });
      const byMessage = problems.map((p) => `${p.check} ${p.where}: ${p.message}`);
      expect(byMessage).toContain(
        'icons extensions[0].ribbons[0].tabs[0].groups[0].icons[0].url: https://localhost:3000/icons/icon-16.png is 20×20 pixels; this slot needs 16×16',
      );
      // The 80 px slot of each ribbon's group and button: read, meeting and compose.
      expect(byMessage.filter((m) => m.includes('icon-80.png does not resolve'))).toHaveLength(6);
    } finally {
      await writeFile(path.join(fixture.iconsDir, 'icon-80.png'), encodePng(drawTileIcon(80)));
      await writeFile(path.join(fixture.iconsDir, 'icon-16.png'), encodePng(drawTileIcon(16)));
    }
  });

  it('rejects a version that Office add-ins do not accept', async () => {
    for (const version of ['1.0', '1.0.0-beta.1', '1.000000.0']) {
      const problems = await validate({ files: withManifest(app, { version }).files });
      expect(problems).toContainEqual(expect.objectContaining({ check: 'version', where: 'version' }));
    }
  });

  it('reports schema violations with the manifest path', async () => {
    const problems = await validate(withManifest(app, { accentColor: 'teal', 'staticTabs[0].bogus': true }));
    expect(problems.map((p) => p.where)).toEqual(['manifest.json accentColor', 'manifest.json staticTabs[0]']);
    expect(problems[0]?.message).toMatch(/^must match pattern "\^#\[0-9a-fA-F\]\{6\}\$"/);
  });

  it('requires the v1.30 $schema so validation stays offline', async () => {
    const problems = await validate(
      withManifest(app, { $schema: 'https://raw.githubusercontent.com/x/MicrosoftTeams.schema.json' }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ check: 'schema', where: 'manifest.json $schema' }));
  });

  it('rejects localization strings for parts the manifest does not have', async () => {
    const localized = JSON.parse(app.files.get('en-us.json')?.toString('utf8') ?? '{}') as Record<string, string>;
    localized['staticTabs[1].name'] = 'Leads';
    const problems = await validate(withFile(app, 'en-us.json', Buffer.from(JSON.stringify(localized))));
    expect(problems).toEqual([
      {
        check: 'localization',
        where: 'en-us.json "staticTabs[1].name"',
        message: 'translates a string that the manifest does not have',
      },
    ]);
  });

  it('requires the public host in validDomains', async () => {
    const problems = await validate(withManifest(app, { validDomains: ['crm.example.de'] }));
    expect(problems).toContainEqual(expect.objectContaining({ check: 'urls', where: 'validDomains' }));
  });

  it('returns every problem at once', async () => {
    const broken = withFile(
      withManifest(app, { [`${CONTROL}.actionId`]: 'Nope', version: '2' }),
      'color.png',
      undefined,
    );
    expect(new Set((await validate(broken)).map((p) => p.check))).toEqual(new Set(['actions', 'version', 'icons']));
  });
});
