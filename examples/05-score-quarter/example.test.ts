import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './index.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe('example 5: score a quarter streamed from NDJSON', () => {
  it('streams the file, scores the county and writes the HTML, Markdown and JSON reports', async () => {
    const r = await run({ records: 20_000 });
    expect(r.lines).toBeGreaterThan(20_000);
    expect(statSync(r.ndjson).size).toBeGreaterThan(1_000_000);
    expect(r.report.records.read + r.report.records.units).toBe(r.lines);
    expect(r.report.period).toMatchObject({ id: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(r.report.unit.level).toBe('xianyou.level.county');
    expect(r.report.trend.map((t) => t.period)).toEqual(['2026-07', '2026-08', '2026-09']);
    const rate = r.report.card.metrics.find((m) => m.id === 'xianyou.metric.processing-rate');
    expect(rate?.denominator).toBe(r.report.hazards.reduce((s, h) => s + h.open + h.handled + h.closed, 0));
    const html = readFileSync(r.html, 'utf8');
    expect(html.match(/<svg /g)?.length).toBe(3);
    expect(html).toContain(`data-score="${r.report.card.score}"`);
    expect(JSON.parse(readFileSync(r.json, 'utf8')).card.score).toBe(r.report.card.score);
    expect(readFileSync(r.markdown, 'utf8')).toContain('## 考核指标');
  });

  it('runs from the command line', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', here('./index.ts'), '--lang', 'en', '--records', '5000'], {
      encoding: 'utf8',
      cwd: here('../..'),
    });
    expect(out).toMatch(/records streamed from .*\.ndjson/);
    expect(out).toContain('Hazard processing rate');
    const html = /HTML report: (.*)/.exec(out)?.[1];
    expect(html && existsSync(html)).toBe(true);
  });
});
