// The made-up county's HTML report in headless Chromium: every block's sub-total and every
// deduction's reason (the assessor's words, or the rule's own reason) is on the page, the ineligible
// township says so, and the correction is listed. A screenshot goes to test-artifacts/.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test/chromium.js';
import { renderHtml, type ScoreReport, score } from '../src/index.js';
import { countyRecords, hexi } from './county.js';

const ARTIFACTS = new URL('../../../test-artifacts/', import.meta.url).pathname;

describe('the made-up county’s HTML report in Chromium', () => {
  let browser: Browser;
  let report: ScoreReport;
  beforeAll(async () => {
    const r = await score(hexi(), countyRecords(), { period: '2026-Q3', unit: 'east' });
    if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message.en).join('\n'));
    report = r.right;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows each block’s sub-total and each deduction with its reason', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}county-report.html`, renderHtml(report));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, javaScriptEnabled: false });
    await page.goto(`file://${ARTIFACTS}county-report.html`);
    expect(await page.locator('#status').getAttribute('data-status')).toBe('scored');
    expect(await page.locator('#score').textContent()).toBe('71');

    // Every block: a visible row with its title and "points / max", equal to the JSON's.
    for (const b of report.card.blocks) {
      const row = page.locator(`tr[data-block="${b.id}"]`);
      expect(await row.isVisible()).toBe(true);
      expect(Number(await row.getAttribute('data-points'))).toBe(b.points);
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(b.title.zh);
      expect(await row.locator('[data-field=subtotal]').textContent()).toContain(`${b.points} / ${b.max}`);
    }

    // Every deduction: visible, with its title, points, and its reason.
    const deductions = report.card.metrics.flatMap((m) => m.deductions);
    expect(deductions.length).toBe(7);
    for (const d of deductions) {
      const el = page.locator(`[data-deduction="${d.id}"]`);
      expect(await el.isVisible()).toBe(true);
      expect(Number(await el.getAttribute('data-points'))).toBe(d.points);
      const text = (await el.textContent()) ?? '';
      expect(text).toContain(d.title.zh);
      expect(text).toContain(d.rule.reason?.zh ?? '');
      for (const a of d.assessed ?? []) expect(text).toContain(a.reason);
    }
    const patrol = (await page.locator('[data-deduction="hexi.deduct.patrol-records"]').textContent()) ?? '';
    expect(patrol).toContain('考核人员 县安监局 王某 (2026-09): −2 “巡查记录有3天缺页”');
    expect(await page.locator('[data-deduction="hexi.deduct.direct-loss"]').textContent()).toContain('2500000元 ÷ 1000000 → 2 × 2 = −4');

    // The ineligible township, the correction, the defaulted fact.
    expect(await page.locator('table.ranking tr[data-unit=west]').getAttribute('data-status')).toBe('ineligible');
    expect(await page.locator('table.ranking tr[data-unit=west]').textContent()).toContain('不参评');
    expect(await page.locator('#corrections tr[data-correction="east-missing-1b"]').textContent()).toContain('录入有误');
    expect(await page.locator('#defaulted tr[data-defaulted="accidents.concealed"]').isVisible()).toBe(true);
    // No one-row charts: one scored township draws no bar chart, a quarterly-only standard no trend.
    expect(await page.locator('svg[data-chart=bars]').count()).toBe(0);
    expect(await page.locator('svg[data-chart=trend]').count()).toBe(0);

    await page.screenshot({ path: `${ARTIFACTS}county-report.png`, fullPage: true });
    await page.close();
  });

  it('tells an ineligible unit apart: the failed gate with the fact values, and no points table', async () => {
    const r = await score(hexi(), countyRecords(), { period: '2026-Q3', unit: 'west' });
    if (E.isLeft(r)) throw new Error('issues');
    writeFileSync(`${ARTIFACTS}county-report-ineligible.html`, renderHtml(r.right, { lang: 'en' }));
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`file://${ARTIFACTS}county-report-ineligible.html`);
    expect(await page.locator('#status').getAttribute('data-status')).toBe('ineligible');
    expect(await page.locator('.ineligible').textContent()).toContain('Every grid has a grid worker');
    expect(await page.locator('tr[data-gate="hexi.gate.workers"]').getAttribute('data-passed')).toBe('false');
    expect(await page.locator('tr[data-gate="hexi.gate.workers"]').textContent()).toContain('grids.withWorker = 2');
    expect(await page.locator('#metrics').count()).toBe(0);
    await page.close();
  });
});
