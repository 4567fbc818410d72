import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/index';
import { FRAME_ANCESTORS } from '../../api/src/infra/security';
import { createTestApp, type TestApp } from '../support/test-app';

// What Outlook loads for the send-time check: the well-known allow-list for the JS-only runtime
// of classic Windows, the one handler script (with the API's public URL stamped in) and its page,
// served with headers that let Outlook frame and run them.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the event runtime files', () => {
  it('lists events.js on the add-in origin in microsoft-officeaddins-allowed.json', async () => {
    const res = await t.app.inject('/.well-known/microsoft-officeaddins-allowed.json');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ allowed: [`${t.config.publicBaseUrl}/addin/events.js`] });
  });

  it('serves events.js as a classic script with the public URL stamped in, revalidated on every load', async () => {
    const res = await t.app.inject('/addin/events.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain(JSON.stringify(t.config.publicBaseUrl));
    expect(res.body).not.toContain('__KLARKONFORM_PUBLIC_BASE_URL__');
    // One classic script: no module syntax at its top level.
    expect(res.body).not.toMatch(/^\s*(import|export)\s/m);
    expect(res.body).toContain('onMessageSendHandler');
    expect(res.body).toContain('onMessageRecipientsChangedHandler');
  });

  it('serves events.html loading Office.js from the CDN, then events.js, framable by Outlook', async () => {
    const res = await t.app.inject('/addin/events.html');
    expect(res.statusCode).toBe(200);
    expect(res.body.indexOf('appsforoffice.microsoft.com/lib/1/hosted/office.js')).toBeGreaterThan(0);
    expect(res.body.indexOf('/addin/events.js')).toBeGreaterThan(res.body.indexOf('office.js'));
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain(`frame-ancestors ${FRAME_ANCESTORS.join(' ')}`);
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('keeps the built page in step with its source', () => {
    const built = readFileSync(path.join(REPO_ROOT, 'addin/dist/events.html'), 'utf8');
    expect(built).toBe(readFileSync(path.join(REPO_ROOT, 'addin/events.html'), 'utf8'));
  });
});
