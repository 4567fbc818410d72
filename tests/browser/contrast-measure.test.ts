import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { type ContrastSample, contrastRatio, failures, measureContrast } from './support/contrast';

// The contrast measurement itself, on pages whose colours are known: the numbers the front-end
// contrast test relies on (contrast.test.ts) are only as good as this.

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 800, height: 600 } });
});
afterAll(async () => {
  await browser?.close();
});

async function samplesOf(body: string): Promise<ContrastSample[]> {
  await page.setContent(`<!doctype html><html><body style="margin:0;font:16px sans-serif">${body}</body></html>`);
  return measureContrast(page.mainFrame());
}

const byText = (samples: ContrastSample[], text: string) => samples.find((s) => s.text === text);

describe('contrast measurement', () => {
  it('computes WCAG ratios: #767676 on white is 4.54:1, white on cyan 1.46:1', async () => {
    const samples = await samplesOf(
      '<p style="color:#767676">grey</p><p style="background:#1aebff;color:#fff">white on cyan</p>',
    );
    expect(byText(samples, 'grey')).toMatchObject({ fg: '#767676', bg: '#ffffff', ratio: 4.54, required: 4.5 });
    expect(byText(samples, 'white on cyan')).toMatchObject({ fg: '#ffffff', bg: '#1aebff', ratio: 1.46 });
    expect(failures(samples).map((s) => s.text)).toEqual(['white on cyan']);
  });

  it('blends translucent text and opacity groups over what is below, through transparent ancestors', async () => {
    const half = Math.round(contrastRatio([127.5, 127.5, 127.5], [255, 255, 255]) * 100) / 100;
    const samples = await samplesOf(`
      <p style="color:rgba(0,0,0,0.5)">alpha text</p>
      <div style="opacity:0.5"><p style="color:#000">faded group</p></div>
      <div style="background:#000"><div><span style="color:#fff">on black via a plain div</span></div></div>
      <div style="background:#000"><p style="background:rgba(255,255,255,0.5);color:#000">on half white</p></div>`);
    expect(byText(samples, 'alpha text')).toMatchObject({ bg: '#ffffff', ratio: half });
    expect(byText(samples, 'faded group')).toMatchObject({ bg: '#ffffff', ratio: half });
    expect(byText(samples, 'on black via a plain div')).toMatchObject({ bg: '#000000', ratio: 21 });
    expect(byText(samples, 'on half white')?.bg).toBe('#808080');
  });

  it('asks 3:1 of large text and nothing of a disabled control', async () => {
    const samples = await samplesOf(`
      <p style="color:#949494;font-size:24px">large</p>
      <p style="color:#949494;font-size:19px;font-weight:700">large bold</p>
      <p style="color:#949494;font-size:19px;font-weight:600">semibold is not bold</p>
      <button disabled style="color:#ccc;background:#fff;border:0">disabled</button>`);
    expect(byText(samples, 'large')?.required).toBe(3);
    expect(byText(samples, 'large bold')?.required).toBe(3);
    expect(byText(samples, 'semibold is not bold')?.required).toBe(4.5);
    expect(byText(samples, 'disabled')?.required).toBe(0);
    expect(failures(samples).map((s) => s.text)).toEqual(['semibold is not bold']);
  });

  it('skips hidden and covered text, and measures field values and placeholders', async () => {
    const samples = await samplesOf(`
      <p style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">screen reader only</p>
      <p hidden>hidden</p>
      <p style="color:#aaa">behind the backdrop</p>
      <div style="position:fixed;inset:0;background:rgba(0,0,0,0.4)"></div>
      <input style="position:relative;color:#000;background:#fff" value="typed">
      <input style="position:relative" placeholder="placeholder">`);
    const texts = samples.map((s) => s.text);
    expect(texts).not.toContain('screen reader only');
    expect(texts).not.toContain('hidden');
    expect(texts).not.toContain('behind the backdrop');
    expect(texts).toContain('typed');
    expect(texts).toContain('(placeholder) placeholder');
  });

  it('judges text on a gradient by its worst colour stop', async () => {
    const samples = await samplesOf('<p style="color:#000;background:linear-gradient(#fff, #333)">gradient</p>');
    const sample = byText(samples, 'gradient');
    expect(sample?.bg).toBe('#333333');
    expect(sample?.ratio).toBeLessThan(2);
  });
});
