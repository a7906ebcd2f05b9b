// The HTML report in headless Chromium: it renders, its three charts are there with their bars and
// points, and the numbers on the page equal the JSON scorecard. A screenshot goes to test-artifacts/.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test/chromium.js';
import { renderHtml, renderJson, type ScoreReport, syntheticRecords } from '../src/index.js';
import { pack, scored } from './fixtures.js';

const ARTIFACTS = new URL('../../../test-artifacts/', import.meta.url).pathname;
const xianyou = pack('xianyou');

describe('HTML report in Chromium', () => {
  let browser: Browser;
  let report: ScoreReport;
  beforeAll(async () => {
    report = await scored(xianyou, syntheticRecords(xianyou, { period: '2026-Q3', seed: 5 }), { period: '2026-Q3' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders its charts, and its numbers equal the JSON scorecard', async () => {
    const json = JSON.parse(renderJson(report)) as ScoreReport;
    const html = renderHtml(report);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}scoring-report.html`, html);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, javaScriptEnabled: false });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(`file://${ARTIFACTS}scoring-report.html`);
    expect(requests).toEqual([]);
    expect(await page.title()).toContain('仙游县');

    // Three charts, drawn with a size.
    const charts = await page
      .locator('svg.chart')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-chart'), e.getBoundingClientRect().width, e.getBoundingClientRect().height]),
      );
    expect(charts.map((c) => c[0])).toEqual(['bars', 'trend', 'hazards']);
    for (const c of charts) expect((c[1] as number) > 100 && (c[2] as number) > 100).toBe(true);

    // Headline numbers.
    expect(Number(await page.locator('#score').getAttribute('data-score'))).toBe(json.card.score);
    expect(await page.locator('#score').textContent()).toBe(String(Math.round((json.card.score ?? Number.NaN) * 100) / 100));
    expect(await page.locator('#grade').getAttribute('data-grade')).toBe(json.card.grade?.id);

    // Every metric row.
    const rows = await page.locator('#metrics tr[data-metric]').evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-metric'),
        value: e.getAttribute('data-value'),
        points: Number(e.getAttribute('data-points')),
        max: Number(e.getAttribute('data-max')),
        cells: Array.from(e.querySelectorAll('td'), (td) => td.textContent),
      })),
    );
    expect(rows.map((r) => r.id)).toEqual(json.card.metrics.map((m) => m.id));
    for (const [i, m] of json.card.metrics.entries()) {
      const row = rows[i];
      expect(row?.value).toBe(m.value === null ? '' : String(m.value));
      expect(row?.points).toBe(m.points);
      expect(row?.max).toBe(m.max);
      if (typeof m.numerator === 'number') expect(row?.cells[2]).toBe(String(Math.round(m.numerator * 100) / 100));
      if (typeof m.denominator === 'number') expect(row?.cells[3]).toBe(String(Math.round(m.denominator * 100) / 100));
    }

    // Bars: one per township, with its score; trend points per month; hazard segments per tier and state.
    const bars = await page
      .locator('svg[data-chart=bars] rect[data-id]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-id'), Number(e.getAttribute('data-value')), e.getBoundingClientRect().width]),
      );
    const towns = json.units.filter((u) => u.unit.parent === json.unit.id);
    expect(Object.fromEntries(bars.map((b) => [b[0], b[1]]))).toEqual(Object.fromEntries(towns.map((t) => [t.unit.id, t.score])));
    for (const b of bars) expect(b[2] as number).toBeGreaterThan(0);
    const points = await page
      .locator('svg[data-chart=trend] circle')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-label'), Number(e.getAttribute('data-value'))]));
    expect(points).toEqual(json.trend.map((t) => [t.period, t.score]));
    const segs = await page
      .locator('svg[data-chart=hazards] rect[data-segment]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-stack'), e.getAttribute('data-segment'), Number(e.getAttribute('data-value'))]),
      );
    expect(segs.sort()).toEqual(json.hazards.flatMap((h) => (['closed', 'handled', 'open'] as const).map((s) => [h.tier, s, h[s]])).sort());

    // Ranking tables list units with the JSON's scores and ranks.
    const ranked = await page
      .locator('table.ranking tr[data-unit]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-unit'), Number(e.getAttribute('data-score')), Number(e.getAttribute('data-rank'))]),
      );
    expect(ranked).toEqual(json.units.slice(0, ranked.length).map((u) => [u.unit.id, u.score, u.rank]));

    await page.screenshot({ path: `${ARTIFACTS}scoring-report.png`, fullPage: true });
    expect(existsSync(`${ARTIFACTS}scoring-report.png`)).toBe(true);
    await page.close();
  });
});
