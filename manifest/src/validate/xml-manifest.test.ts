import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedApp } from '../render';
import { type WebFixture, createWebFixture, renderDev, withManifest, withXml } from '../testing/fixtures';
import { type PackageContents, type ValidationProblem, validatePackage } from './index';

// The add-in-only (XML) manifest: well-formed, and in agreement with the
// unified manifest on ids, version, pages, icons and the Entra app.

let fixture: WebFixture;
let app: RenderedApp;

beforeAll(async () => {
  fixture = await createWebFixture();
  app = await renderDev(fixture);
});
afterAll(() => fixture.cleanup());

async function xmlProblems(pkg: PackageContents): Promise<ValidationProblem[]> {
  const problems = await validatePackage(pkg, {
    publicBaseUrl: app.settings.publicBaseUrl,
    webRoots: fixture.webRoots,
  });
  return problems.filter((p) => p.check === 'xml' || p.where.startsWith('outlook-addin.xml'));
}

describe('validatePackage on the XML manifest', () => {
  it('reports malformed XML with line and column', async () => {
    const problems = await xmlProblems(withXml(app, (xml) => xml.replace('</Hosts>', '</Host>')));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.where).toMatch(/^outlook-addin\.xml line \d+, column \d+$/);
    expect(problems[0]?.message).toMatch(
      /^not well-formed XML: closing tag <\/Host> does not match <Hosts> from line \d+$/,
    );
  });

  it('requires the XML id to be the one the unified manifest hides', async () => {
    const other = '00000000-1111-4222-8333-444444444444';
    const problems = await xmlProblems(withXml(app, (xml) => xml.replace(app.settings.xmlAddinId, other)));
    expect(problems.map((p) => p.message)).toEqual([
      `${other} is not hidden by the unified manifest (extensions[0].alternates[].hide.customOfficeAddin.officeAddinId is ${app.settings.xmlAddinId}); users would see the add-in twice`,
    ]);
  });

  it('rejects an XML manifest that reuses the unified app id', async () => {
    const pkg = withManifest(
      withXml(app, (xml) => xml.replace(app.settings.xmlAddinId, app.settings.appId)),
      {
        'extensions[0].alternates[0].hide.customOfficeAddin.officeAddinId': app.settings.appId,
      },
    );
    const messages = (await xmlProblems(pkg)).map((p) => p.message);
    expect(messages).toContain('must differ from the unified manifest id: Microsoft requires separate ids');
    expect(messages.some((m) => m.startsWith('the hidden add-in id equals the app id'))).toBe(true);
  });

  it('requires the XML version to follow the unified version', async () => {
    const problems = await xmlProblems(withManifest(app, { version: '1.2.0' }));
    expect(problems.map((p) => p.message)).toEqual([
      '<Version> is "1.0.0.0" but the unified manifest is 1.2.0; expected 1.2.0.0',
    ]);
  });

  it('requires the same task pane page as the unified manifest', async () => {
    const problems = await xmlProblems(
      withXml(app, (xml) => xml.replaceAll('/addin/taskpane.html', '/addin/demo.html')),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'task pane https://localhost:3000/addin/demo.html is not a task pane page of the unified manifest (https://localhost:3000/addin/taskpane.html)',
      'has no task pane for https://localhost:3000/addin/taskpane.html, which the unified manifest opens',
    ]);
  });

  it('rejects a resid that no resource defines', async () => {
    const problems = await xmlProblems(
      withXml(app, (xml) => xml.replace('resid="Meeting.Tooltip"', 'resid="Meeting.Tootlip"')),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe(
      'resid "Meeting.Tootlip" is not defined in the <Resources> of this VersionOverrides (VersionOverridesV1_0)',
    );
  });

  it('checks mobile icon sizes as size × scale', async () => {
    const problems = await xmlProblems(withXml(app, (xml) => xml.replace('resid="Icon.144"', 'resid="Icon.96"')));
    expect(problems.map((p) => p.message)).toEqual([
      'https://localhost:3000/icons/icon-96.png is 96×96 pixels; this slot needs 144×144',
    ]);
  });

  it('reports an XML page URL that the build does not emit', async () => {
    const problems = await xmlProblems(
      withXml(app, (xml) => xml.replace('/icons/classic-128.png', '/icons/classic-256.png')),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      check: 'urls',
      where: expect.stringMatching(/^outlook-addin\.xml line \d+ <HighResolutionIconUrl>$/),
    });
  });

  it('requires the same Entra app as webApplicationInfo', async () => {
    const problems = await xmlProblems(withManifest(app, { 'webApplicationInfo.resource': 'api://crm.example.de/x' }));
    expect(problems.map((p) => p.message)).toEqual([
      `<Resource> is "api://localhost:3000/${app.settings.entraClientId}" but the unified webApplicationInfo has "api://crm.example.de/x"`,
    ]);
  });

  it('requires a display name different from the unified app', async () => {
    const problems = await xmlProblems(
      withXml(app, (xml) =>
        xml.replace(/DisplayName DefaultValue="[^"]*"/, 'DisplayName DefaultValue="KlarKonform Dev"'),
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'must differ from the unified app name "KlarKonform Dev" so admins can tell the two versions apart',
    ]);
  });

  it('requires the public origin in AppDomains', async () => {
    const problems = await xmlProblems(
      withXml(app, (xml) =>
        xml.replace('<AppDomain>https://localhost:3000</AppDomain>', '<AppDomain>https://crm.example.de</AppDomain>'),
      ),
    );
    expect(problems.map((p) => p.message)).toEqual(['must list https://localhost:3000, the origin of the task pane']);
  });
});
