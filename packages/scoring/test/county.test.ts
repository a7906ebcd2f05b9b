// The made-up county's standard, end to end: its pack validates and cites only what the seeds
// say, its cases pass, and a quarter of its records gives a report whose every block, deduction,
// gate and correction is there in JSON and Markdown.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCases } from '@gridsafe/engine';
import { validatePack } from '@gridsafe/schema/node';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderMarkdown, runScoreCase, score } from '../src/index.js';
import { countyRecords, HEXI_DIR, hexi } from './county.js';
import { pack, TREE } from './fixtures.js';

const county = hexi();

describe('the made-up county (hexi)', () => {
  it('validates with no issue at all', () => {
    const r = validatePack(HEXI_DIR);
    expect(r.issues.map((i) => `${i.file}:${i.line} ${i.message.en}`)).toEqual([]);
  });

  it('quotes only words that are in the seed it cites', () => {
    const PINYIN = /\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ\s]+\)/g;
    const norm = (s: string) => s.replace(PINYIN, '').replace(/[\s\u3000]/g, '');
    const seedDir = new URL('../../../rules/seeds', import.meta.url).pathname;
    const seeds = new Map(
      readdirSync(seedDir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => [f.slice(0, 3), norm(readFileSync(join(seedDir, f), 'utf8'))]),
    );
    const quotes: [string, string][] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.seed === 'string' && typeof o.quote === 'string') quotes.push([o.seed, o.quote]);
        Object.values(o).forEach(walk);
      }
    };
    for (const f of readdirSync(HEXI_DIR)) walk(JSON.parse(readFileSync(join(HEXI_DIR, f), 'utf8')));
    expect(quotes.length).toBeGreaterThan(5);
    for (const [seed, quote] of quotes) expect([seed, seeds.get(seed)?.includes(norm(quote))]).toEqual([seed, true]);
  });

  it('passes its cases', () => {
    const results = runCases(county, { runners: { score: runScoreCase } });
    expect(results.length).toBe(6);
    for (const r of results) expect([r.id, r.issues ?? [], r.actual]).toEqual([r.id, [], r.expected]);
  });

  it('scores a quarter of records: blocks, deductions with count × points, the assessor, a correction, a gate', async () => {
    const r = await score(county, countyRecords(), { period: '2026-Q3', unit: 'east' });
    if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message.en).join('\n'));
    const c = r.right.card;
    expect(c.status).toBe('scored');
    expect(Object.fromEntries(c.blocks.map((b) => [b.id, b.points]))).toEqual({
      'hexi.block.grid-work': 50,
      'hexi.block.information': 20,
      'hexi.block.hazards': 30,
      'hexi.block.accidents': 21,
    });
    const d = Object.fromEntries(c.metrics.flatMap((m) => m.deductions).map((x) => [x.id, [x.count ?? null, x.times ?? null, x.points]]));
    expect(d).toEqual({
      'hexi.deduct.monthly-report-missing': [0, 0, 0],
      'hexi.deduct.missed-patrols': [3, 3, 6],
      'hexi.deduct.patrol-records': [null, null, 2],
      'hexi.deduct.general-accident': [1, 1, 5],
      'hexi.deduct.deaths': [1, 1, 10],
      'hexi.deduct.direct-loss': [2_500_000, 2, 4],
      'hexi.deduct.concealed': [null, null, 0],
    });
    expect(c.score).toBe(71);
    expect(c.grade?.id).toBe('hexi.grade.pass');
    expect(c.defaulted.map((x) => x.fact)).toEqual(['accidents.concealed']);
    // The standard assesses quarters and years, not months: there is no month-by-month trend.
    expect(r.right.trend).toEqual([]);
    const west = r.right.units.find((u) => u.unit.id === 'west');
    expect(west).toMatchObject({ status: 'ineligible', score: null, rank: null });
    expect(west?.gates.find((g) => !g.passed)?.id).toBe('hexi.gate.workers');
    expect(r.right.units.find((u) => u.unit.id === 'east')).toMatchObject({ rank: 1, of: 1 });
  });

  it('its Markdown report tells blocks, deductions, the assessor’s reason, ineligible units and the correction apart', async () => {
    const r = await score(county, countyRecords(), { period: '2026-Q3', unit: 'east' });
    if (E.isLeft(r)) throw new Error('issues');
    const md = renderMarkdown(r.right);
    expect(md).toContain('**一、网格化工作 — 小计** | | | | | **50 / 60**');
    expect(md).toContain('漏巡未报告每次扣2分，最多扣10分: 3次 → 3 × 2 = −6');
    expect(md).toContain('瞒报事故扣20分: 条件不成立 = 0');
    expect(md).toContain('直接经济损失每满100万元扣2分: 2500000元 ÷ 1000000 → 2 × 2 = −4');
    expect(md).toContain('考核人员 县安监局 王某 (2026-09): −2 “巡查记录有3天缺页”');
    expect(md).toContain('| — | west | — | 不参评(未通过准入条件) |');
    expect(md).toContain('## 数据更正');
    expect(md).toContain('| east | reports.monthlyMissing | 2026-08 | 1 | 0 | 录入有误：8月报告已按时报送 |');
    expect(md).toContain('## 缺失事实按声明的默认值计');
    const ineligible = await score(county, countyRecords(), { period: '2026-Q3', unit: 'west' });
    const text = E.isRight(ineligible) ? renderMarkdown(ineligible.right, { lang: 'en' }) : '';
    expect(text).toContain('- Result: **not scored (failed a gate)**');
    expect(text).toContain('| Every grid has a grid worker | failed | grids.withWorker = 2 (greaterThanInclusive 3)');
    expect(text).not.toContain('## Metrics');
  });

  it('no one-row trend and no empty tables: a month has no trend, a period without hazards no hazard table', async () => {
    const xianyou = pack('xianyou');
    const r = await score(xianyou, TREE, { period: '2026-07' });
    if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message.en).join('\n'));
    expect(r.right.trend).toEqual([]);
    const md = renderMarkdown(r.right);
    expect(md).not.toContain('## 逐月得分趋势');
    expect(md).not.toContain('## 隐患分级与状态');
    const html = renderHtml(r.right);
    expect(html).not.toContain('data-chart="trend"');
    expect(html).not.toContain('data-chart="hazards"');
    expect(html).not.toContain('<tbody>\n\n</tbody>');
  });
});

describe('the county’s records file', () => {
  it('hexi-2026-Q3.ndjson (used by the guides) holds exactly the records the tests score', () => {
    const text = readFileSync(new URL('./fixtures/hexi-2026-Q3.ndjson', import.meta.url), 'utf8');
    expect(
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(countyRecords());
  });
});
