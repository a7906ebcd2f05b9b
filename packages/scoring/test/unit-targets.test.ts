import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoreReport } from '../src/index.js';
import { pack, scored } from './fixtures.js';

// Xianyou's "at least 2 information items a month" is each township's (targetEach: township).
const xianyou = pack('xianyou');
const INFO = 'xianyou.metric.information';

/** A county with `townships` townships of two villages each, and info items per township. */
function county(items: number[]): unknown[] {
  const records: unknown[] = [{ type: 'unit', id: 'county', level: 'xianyou.level.county' }];
  items.forEach((n, t) => {
    const id = `t${t}`;
    records.push({ type: 'unit', id, level: 'xianyou.level.township', parent: 'county' });
    for (const v of [1, 2]) records.push({ type: 'unit', id: `${id}-v${v}`, level: 'xianyou.level.village', parent: id });
    for (let i = 0; i < n; i++) records.push({ type: 'info', unit: id, date: '2026-07-10' });
  });
  return records;
}

const metric = (r: ScoreReport, unit: string) => {
  const card = r.units.find((u) => u.unit.id === unit);
  const m = card?.metrics.find((x) => x.id === INFO);
  if (!m) throw new Error(`no ${INFO} for ${unit}`);
  return m;
};

describe('count targets are per unit of the metric’s level', () => {
  it('a county is measured by its townships’ average: the target is 2 per township', async () => {
    const r = await scored(xianyou, county([2, 2, 2]), { period: '2026-07' });
    const c = metric(r, 'county');
    expect(c.value).toBe(6);
    expect(c.target).toBe(6);
    expect(c.points).toBe(c.max);
    expect(metric(r, 't0').target).toBe(2);
    expect(metric(r, 't0').points).toBe(c.max);
  });

  it('one township’s items do not give a county of three full points', async () => {
    const r = await scored(xianyou, county([2, 0, 0]), { period: '2026-07' });
    const c = metric(r, 'county');
    expect(c.value).toBe(2);
    expect(c.target).toBe(6);
    expect(c.points).toBeCloseTo(c.max / 3, 3);
    expect(metric(r, 't0').points).toBe(c.max);
    expect(metric(r, 't1').points).toBe(0);
  });

  it('a quarter needs 2 a month from each township', async () => {
    const r = await scored(xianyou, county([6, 3]), { period: '2026-Q3' });
    const c = metric(r, 'county');
    expect(c.target).toBe(12);
    expect(c.points).toBeCloseTo((c.max * 9) / 12, 3);
  });

  it('property: the county earns full points exactly when its townships average the target', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 5 }), async (items) => {
        const r = await scored(xianyou, county(items), { period: '2026-07' });
        const c = metric(r, 'county');
        const average = items.reduce((s, n) => s + n, 0) / items.length;
        expect(c.target).toBe(2 * items.length);
        expect(c.points === c.max).toBe(average >= 2);
        // Averages of capped shares: the county earns at least its townships' mean points (points
        // are rounded to 4 decimals).
        const mean = items.reduce((s, _, t) => s + metric(r, `t${t}`).points, 0) / items.length;
        expect(c.points).toBeGreaterThanOrEqual(mean - 1e-4);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a count is not asked of a unit below its level', () => {
  it('a village is not measured on the townships’ information items', async () => {
    const r = await scored(xianyou, county([0]), { period: '2026-07' });
    const v = metric(r, 't0-v1');
    expect(v.value).toBeNull();
    expect(v.points).toBe(v.max);
    const t = metric(r, 't0');
    expect(t.value).toBe(0);
    expect(t.points).toBe(0);
  });
});
