import { describe, expect, it } from 'vitest';
import { renderHtml, renderJson, renderMarkdown, syntheticRecords } from '../src/index.js';
import { pack, scored } from './fixtures.js';

const xianyou = pack('xianyou');
const report = await scored(xianyou, syntheticRecords(xianyou, { period: '2026-Q3', seed: 3, majorAccidentRate: 0.3 }), {
  period: '2026-Q3',
});

describe('renderers', () => {
  it('JSON round-trips the report', () => {
    expect(JSON.parse(renderJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('Markdown shows each metric with its parts and citation, in zh by default and en on request', () => {
    const zh = renderMarkdown(report);
    expect(zh).toContain('## 考核指标');
    expect(zh).toContain('隐患处理率');
    expect(zh).toContain('种子 004');
    expect(zh).toContain(`**${String(Math.round((report.card.score ?? Number.NaN) * 100) / 100)}**`);
    const en = renderMarkdown(report, { lang: 'en' });
    expect(en).toContain('Hazard processing rate');
    expect(en).toContain('## Ranking within level');
    const rate = report.card.metrics.find((m) => m.id === 'xianyou.metric.processing-rate');
    expect(en).toContain(`| ${rate?.numerator} | ${rate?.denominator} |`);
  });

  it('HTML is one self-contained page with three SVG charts and no scripts or external assets', () => {
    const html = renderHtml(report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<svg /g)?.length).toBe(3);
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).toContain('lang="zh-CN"');
    expect(renderHtml(report, { lang: 'en' })).toContain('Hazards by tier and state');
  });

  it('escapes what it prints', () => {
    const hostile = { ...report, unit: { ...report.unit, name: '<img src=x onerror=alert(1)>' } };
    expect(renderHtml(hostile)).not.toContain('<img');
  });
});
