// Every seed region's pack scores a month and a quarter of synthetic data into a scorecard whose
// numbers explain themselves.
import { describe, expect, it } from 'vitest';
import { syntheticRecords, toAsync } from '../src/index.js';
import { pack, REGIONS, scored } from './fixtures.js';

describe.each(REGIONS)('%s', (region) => {
  const p = pack(region);
  it.each(['2026-07', '2026-Q3'])('scores %s of synthetic data', async (period) => {
    const data = syntheticRecords(p, { period, seed: 11 });
    const report = await scored(p, toAsync(data, 257), { period });
    const card = report.card;
    expect(report.period.id).toBe(period);
    expect(card.metrics.length).toBeGreaterThan(0);
    expect(card.score).toBeGreaterThan(0);
    expect(card.score).toBeLessThanOrEqual(card.maxScore);
    expect(card.grade).not.toBeNull();
    for (const m of card.metrics) {
      expect(m.rule.id).toBe(m.id);
      expect(m.rule.source?.length ?? 0).toBeGreaterThan(0);
      expect(m.points).toBeGreaterThanOrEqual(0);
      expect(m.points).toBeLessThanOrEqual(m.max);
      if (m.measure === 'ratio' && m.value !== null) {
        expect(typeof m.numerator).toBe('number');
        expect(typeof m.denominator).toBe('number');
      }
    }
    // Every scored level is ranked 1..n.
    for (const level of report.levels) {
      const cards = report.units.filter((u) => u.unit.level === level.id);
      expect(cards.length).toBeGreaterThan(0);
      expect(cards[0]?.rank).toBe(1);
      expect(cards.every((c) => c.of === cards.length)).toBe(true);
    }
    // A month has no trend (one point is no trend); a quarter has its three months.
    expect(report.trend.length).toBe(period.includes('Q') ? 3 : 0);
    // The same seed gives the same report, whether streamed or passed as an array.
    const again = await scored(p, [...data], { period });
    expect(again).toEqual(report);
  });
});
