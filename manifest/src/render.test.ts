import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, RenderError, renderManifest } from './render';
import { TEMPLATE_DIR } from './paths';
import { loadSettings } from './settings';
import { findAll, parseXml } from './xml';

describe('renderManifest', () => {
  it('fills every placeholder in both manifests from the env settings', async () => {
    const app = await renderManifest('dev');
    const json = app.files.get(MANIFEST_FILE)?.toString('utf8') ?? '';
    expect(json).not.toMatch(/\{\{/);
    expect(app.xmlManifest).not.toMatch(/\{\{/);
    expect(app.manifest).toMatchObject({
      id: app.settings.appId,
      version: '1.0.0',
      webApplicationInfo: {
        id: app.settings.entraClientId,
        resource: `api://localhost:3000/${app.settings.entraClientId}`,
      },
      validDomains: ['localhost:3000'],
    });
    const xml = parseXml(app.xmlManifest);
    expect(findAll(xml, 'Id')[0]?.text).toBe(app.settings.xmlAddinId);
    expect(findAll(xml, 'Version')[0]?.text).toBe('1.0.0.0');
  });

  it('puts manifest.json, its localization file and both app icons into the package', async () => {
    const app = await renderManifest('dev');
    expect([...app.files.keys()].sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
  });

  it('declares the personal tab, the meeting side panel and the Outlook read, meeting and compose surfaces', async () => {
    const { manifest } = await renderManifest('dev');
    expect(manifest).toMatchObject({
      staticTabs: [{ scopes: ['personal'], contentUrl: 'https://localhost:3000/teams/tab.html' }],
      configurableTabs: [{ scopes: ['groupChat'], context: expect.arrayContaining(['meetingSidePanel']) }],
      extensions: [
        {
          runtimes: [
            {
              code: { page: 'https://localhost:3000/addin/taskpane.html' },
              actions: [{ pinnable: true }, {}, { id: 'ShowComposeCard', type: 'openPage', pinnable: true }],
            },
            {
              id: 'EventsRuntime',
              requirements: { capabilities: [{ name: 'Mailbox', minVersion: '1.12' }] },
              code: {
                page: 'https://localhost:3000/addin/events.html',
                script: 'https://localhost:3000/addin/events.js',
              },
            },
          ],
          ribbons: [
            { contexts: ['mailRead'] },
            { contexts: ['meetingDetailsAttendee', 'meetingDetailsOrganizer'] },
            { contexts: ['mailCompose'] },
          ],
          autoRunEvents: [
            {
              events: [
                { type: 'messageSending', actionId: 'onMessageSendHandler', options: { sendMode: 'softBlock' } },
                { type: 'messageRecipientsChanged', actionId: 'onMessageRecipientsChangedHandler' },
              ],
            },
          ],
        },
      ],
    });
  });

  it('takes the send mode from the settings: promptUser, or block for admin-deployed installs', async () => {
    for (const sendMode of ['promptUser', 'block'] as const) {
      const app = await renderManifest({ ...(await loadSettings('dev')), sendMode });
      const events = (app.manifest.extensions as { autoRunEvents: { events: { options?: object }[] }[] }[])[0]
        ?.autoRunEvents[0]?.events;
      expect(events?.[0]?.options).toEqual({ sendMode });
      const send = findAll(parseXml(app.xmlManifest), 'LaunchEvent').find((e) => e.attributes.Type === 'OnMessageSend');
      expect(send?.attributes.SendMode).toBe(sendMode === 'block' ? 'Block' : 'PromptUser');
    }
  });

  it('escapes values for XML and keeps JSON intact', async () => {
    const settings = { ...(await loadSettings('dev')), appName: 'Müller & "Söhne" <CRM>' };
    const app = await renderManifest(settings);
    expect(JSON.parse(app.files.get(MANIFEST_FILE)?.toString('utf8') ?? '').name.short).toBe(settings.appName);
    expect(findAll(parseXml(app.xmlManifest), 'DisplayName')[0]?.attributes.DefaultValue).toBe(
      `${settings.appName} (nur Outlook)`,
    );
  });

  it('fails on a placeholder the settings do not provide', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'klarkonform-template-'));
    try {
      await cp(TEMPLATE_DIR, dir, { recursive: true });
      const file = path.join(dir, 'manifest.template.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"{{VERSION}}"', '"{{APP_VERSION}}"'));
      await expect(renderManifest('dev', { templateDir: dir })).rejects.toThrowError(RenderError);
      await expect(renderManifest('dev', { templateDir: dir })).rejects.toThrow(
        'unknown placeholders: {{APP_VERSION}}',
      );
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
