import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test/chromium.js';
import { ensureBuilt, gridsafe, root } from './helpers.js';

const artifacts = join(root, 'test-artifacts');
const out = mkdtempSync(join(tmpdir(), 'gridsafe-browser-'));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
});

afterAll(async () => {
  await browser?.close();
});

/** Every checklist item text of a pack's checklist files, in a language. */
function itemTexts(pack: string, lang: 'zh' | 'en'): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'rules', pack, 'pack.json'), 'utf8'));
  return (manifest.files as string[])
    .map((f) => JSON.parse(readFileSync(join(root, 'rules', pack, f), 'utf8')))
    .filter((d) => d.kind === 'checklist')
    .flatMap((d) => d.items.map((i: { text: Record<string, string> }) => i.text[lang]));
}

describe('the handbook in a browser', () => {
  it.each([
    ['chibi', 'zh'],
    ['xianyou', 'zh'],
    ['chibi', 'en'],
  ] as const)('%s (%s): every checklist item text is on the page; screenshot saved', async (pack, lang) => {
    const file = join(out, `handbook-${pack}-${lang}.html`);
    const r = gridsafe(['handbook', '--pack', pack, '--out', file, ...(lang === 'en' ? ['--lang', 'en'] : [])]);
    expect(r.code).toBe(0);
    await page.goto(`file://${file}`);
    const text = (await page.textContent('body')) ?? '';
    const items = itemTexts(pack, lang);
    expect(items.length).toBeGreaterThan(5);
    for (const t of items) expect(text).toContain(t);
    expect(await page.locator('section.checklist table tbody tr').count()).toBe(items.length);
    expect(await page.locator('figure.chart svg rect').count()).toBeGreaterThan(2);
    expect(text).toContain(lang === 'zh' ? '如何报告、报给谁' : 'How and to whom to report');
    await page.screenshot({ path: join(artifacts, `handbook-${pack}-${lang}.png`), fullPage: true });
  });
});

describe('the demo outputs in a browser', () => {
  it('the report shows the township and its charts; the handbook every item', async () => {
    const r = gridsafe(['demo', '--out', out, '--lang', 'zh']);
    expect(r.code).toBe(0);
    await page.goto(`file://${join(out, 'report.html')}`);
    const report = (await page.textContent('body')) ?? '';
    expect(report).toContain('榜头镇');
    for (const village of ['东山村', '溪口村', '南湖村', '后洋村']) expect(report).toContain(village);
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
    const score = /得分 ([\d.]+) \/ 100/.exec(r.stdout)?.[1];
    expect(score).toBeDefined();
    expect(report).toContain(`${score} / 100`);
    await page.screenshot({ path: join(artifacts, 'demo-report.png'), fullPage: true });
    await page.goto(`file://${join(out, 'handbook.html')}`);
    const handbook = (await page.textContent('body')) ?? '';
    for (const t of itemTexts('xianyou', 'zh')) expect(handbook).toContain(t);
    await page.screenshot({ path: join(artifacts, 'demo-handbook.png'), fullPage: true });
  });
});

/** The cadence titles of a pack's hierarchy files, in a language. */
function cadenceTitles(pack: string, lang: 'zh' | 'en'): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'rules', pack, 'pack.json'), 'utf8'));
  return (manifest.files as string[])
    .map((f) => JSON.parse(readFileSync(join(root, 'rules', pack, f), 'utf8')))
    .filter((d) => d.kind === 'hierarchy')
    .flatMap((d) => (d.cadences ?? []).map((c: { title: Record<string, string> }) => c.title[lang]));
}

describe('the demo of a region without checklists in a browser', () => {
  it('mudan: the report shows the township, its score and charts; the handbook says there is no checklist and shows the cadences and the chart', async () => {
    const dir = join(out, 'mudan');
    const r = gridsafe(['demo', '--region', 'mudan', '--out', dir, '--lang', 'zh']);
    expect(r.code).toBe(0);
    await page.goto(`file://${join(dir, 'report.html')}`);
    const report = (await page.textContent('body')) ?? '';
    const score = /得分 ([\d.]+) \/ 100/.exec(r.stdout)?.[1];
    expect(score).toBeDefined();
    expect(report).toContain(`${score} / 100`);
    expect(report).toContain('示范镇');
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(artifacts, 'demo-mudan-report.png'), fullPage: true });
    await page.goto(`file://${join(dir, 'handbook.html')}`);
    const handbook = (await page.textContent('body')) ?? '';
    expect(await page.locator('.no-checklist').count()).toBe(1);
    expect(await page.locator('section.checklist').count()).toBe(0);
    const cadences = cadenceTitles('mudan', 'zh');
    expect(cadences.length).toBeGreaterThan(3);
    for (const t of cadences) expect(handbook).toContain(t);
    expect(await page.locator('figure.chart svg rect').count()).toBeGreaterThan(2);
    await page.screenshot({ path: join(artifacts, 'demo-mudan-handbook.png'), fullPage: true });
  });
});
