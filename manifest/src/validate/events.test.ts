import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedApp } from '../render';
import { parseSettings } from '../settings';
import { type WebFixture, createWebFixture, renderDev, withManifest, withXml } from '../testing/fixtures';
import { associates } from './events';
import { type PackageContents, type ValidationProblem, validatePackage } from './index';

// The compose surface and the send-time check's event runtime, in both manifests: each check
// proven on the dev package with one deliberate fault.

let fixture: WebFixture;
let app: RenderedApp;

beforeAll(async () => {
  fixture = await createWebFixture();
  app = await renderDev(fixture);
});
afterAll(() => fixture.cleanup());

async function eventProblems(pkg: PackageContents): Promise<string[]> {
  const problems: ValidationProblem[] = await validatePackage(pkg, {
    publicBaseUrl: app.settings.publicBaseUrl,
    webRoots: fixture.webRoots,
  });
  return problems.filter((p) => p.check === 'events').map((p) => `${p.where}: ${p.message}`);
}

const EVENTS = 'extensions[0].runtimes[1]';
const SENDING = 'extensions[0].autoRunEvents[0].events[0]';

describe('the unified manifest', () => {
  it('accepts the dev package: compose ribbon, event runtime, both events', async () => {
    expect(await eventProblems(app)).toEqual([]);
  });

  it('needs a compose ribbon that opens a task pane', async () => {
    expect(await eventProblems(withManifest(app, { 'extensions[0].ribbons[2].contexts': ['mailRead'] }))).toEqual([
      'extensions[0].ribbons: no ribbon with context "mailCompose": the compose pane cannot be opened',
    ]);
    const problems = await eventProblems(
      withManifest(app, { 'extensions[0].ribbons[2].tabs[0].groups[0].controls[0].actionId': 'onMessageSendHandler' }),
    );
    expect(problems).toEqual([
      'extensions[0].ribbons: the compose button "OpenComposeCard" must open a task pane (openPage), not executeFunction',
    ]);
  });

  it('refuses an unknown send mode', async () => {
    expect(await eventProblems(withManifest(app, { [`${SENDING}.options.sendMode`]: 'hardBlock' }))).toEqual([
      `${SENDING}.options.sendMode: "hardBlock" is not a send mode (softBlock, promptUser, block)`,
    ]);
  });

  it('requires Mailbox 1.12 on the event runtime and the events', async () => {
    const problems = await eventProblems(
      withManifest(app, {
        [`${EVENTS}.requirements`]: undefined,
        'extensions[0].autoRunEvents[0].requirements': undefined,
      }),
    );
    expect(problems).toContain(
      'extensions[0].autoRunEvents[0].requirements: event-based activation needs Mailbox 1.12 or later',
    );
    expect(problems).toContain(`${EVENTS}.requirements: the event runtime must require Mailbox 1.12 or later`);
  });

  it('requires both code.page and code.script (classic Outlook on Windows loads the script alone)', async () => {
    const problems = await eventProblems(withManifest(app, { [`${EVENTS}.code.script`]: undefined }));
    expect(problems).toContain(
      `${EVENTS}.code: an event runtime needs code.page (events.html) and code.script (events.js, classic Outlook on Windows)`,
    );
  });

  it('an event handled by a task pane action is refused', async () => {
    const problems = await eventProblems(withManifest(app, { [`${SENDING}.actionId`]: 'ShowComposeCard' }));
    expect(problems[0]).toBe(`${SENDING}.actionId: "ShowComposeCard" must be an executeFunction action, not openPage`);
  });
});

describe('the XML manifest', () => {
  it('needs the compose surface in every DesktopFormFactor', async () => {
    const problems = await eventProblems(
      withXml(app, (xml) =>
        xml.replace('xsi:type="MessageComposeCommandSurface"', 'xsi:type="MessageReadCommandSurface"'),
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^outlook-addin\.xml line \d+ <DesktopFormFactor>: has no MessageComposeCommandSurface/),
    ]);
  });

  it('needs ReadWriteItem and a compose rule', async () => {
    const problems = await eventProblems(
      withXml(app, (xml) =>
        xml
          .replace('<Permissions>ReadWriteItem</Permissions>', '<Permissions>ReadItem</Permissions>')
          .replace('<Rule xsi:type="ItemIs" ItemType="Message" FormType="Edit"/>', ''),
      ),
    );
    expect(problems).toEqual([
      'outlook-addin.xml: <Permissions> must be ReadWriteItem: the compose pane and the send check change the item',
      'outlook-addin.xml: no <Rule ItemType="Message" FormType="Edit">: the add-in never activates in compose',
    ]);
  });

  it('refuses an unknown SendMode and a function the script does not associate', async () => {
    const problems = await eventProblems(
      withXml(app, (xml) =>
        xml
          .replace(/SendMode="\w+"/, 'SendMode="Hard"')
          .replace('FunctionName="onMessageRecipientsChangedHandler"', 'FunctionName="onRecipients"'),
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /<LaunchEvent>: https:\/\/localhost:3000\/addin\/events\.js does not call Office\.actions\.associate\("onRecipients", …\)$/,
      ),
      expect.stringMatching(/<LaunchEvent>: SendMode "Hard" is not one of SoftBlock, PromptUser, Block$/),
    ]);
  });

  it('needs the javascript override for classic Outlook on Windows', async () => {
    const problems = await eventProblems(withXml(app, (xml) => xml.replace(/<Override type="javascript"[^>]*\/>/, '')));
    expect(problems).toEqual([
      expect.stringMatching(/<Runtime>: the event <Runtime> needs an <Override type="javascript"> naming events\.js/),
    ]);
  });
});

describe('associates', () => {
  it.each([
    ['Office.actions.associate("onMessageSendHandler",a)', true],
    ["Office.actions.associate( 'onMessageSendHandler', handler)", true],
    ['// Office.actions.associate("onMessageSendHandlerX", a)', false],
    ['const name = "onMessageSendHandler";', false],
  ])('%s → %s', (script, expected) => {
    expect(associates(script, 'onMessageSendHandler')).toBe(expected);
  });
});

describe('the sendMode setting', () => {
  const base = {
    appId: '1283b174-1215-4b8c-8a9d-d748578d29e2',
    xmlAddinId: 'a542bbb7-3aad-4677-a388-9ad4b15d1f1c',
    entraClientId: '235f8f6b-b6f4-4df0-8ec2-9ec07436826b',
    publicBaseUrl: 'https://crm.example.de',
    version: '1.0.0',
    developer: {
      name: 'Muster',
      websiteUrl: 'https://www.example.de/',
      privacyUrl: 'https://www.example.de/datenschutz',
      termsOfUseUrl: 'https://www.example.de/impressum',
    },
  };
  it('defaults to softBlock, accepts block only when set, and refuses others', () => {
    expect(parseSettings(base, 'x.json').sendMode).toBe('softBlock');
    expect(parseSettings({ ...base, sendMode: 'block' }, 'x.json').sendMode).toBe('block');
    expect(() => parseSettings({ ...base, sendMode: 'hard' }, 'x.json')).toThrow(
      /sendMode must be one of softBlock, promptUser, block/,
    );
  });
});
