// The seed's own figures (004): 565 fire-safety records of which 503 processed = 89%, 208 road-safety
// records of which 192 processed = 92%. The rate is processed / recorded rounded half-up to whole
// percent, as the Xianyou scoring file says.
import { describe, expect, it } from 'vitest';
import { roundTo, scoreFacts } from '../src/index.js';
import { hazards, pack, scored, TREE } from './fixtures.js';

const xianyou = pack('xianyou');
const rate = (card: { metrics: { id: string; value: number | null; numerator?: unknown; denominator?: unknown }[] }) =>
  card.metrics.find((m) => m.id === 'xianyou.metric.processing-rate');

describe('seed figures', () => {
  it.each([
    [565, 503, 0.89],
    [208, 192, 0.92],
  ])('%i recorded, %i processed → %s, streamed as hazard records', async (recorded, processed, expected) => {
    const report = await scored(xianyou, [...TREE, ...hazards(recorded, processed)], { period: '2026-07', unit: 'bangtou' });
    const m = rate(report.card);
    expect(m).toMatchObject({ value: expected, numerator: processed, denominator: recorded });
    expect(m && 'rule' in m ? (m as { rule: { source?: { seed: string }[] } }).rule.source?.[0]?.seed : null).toBe('004');
  });

  it('both modules together in a quarter, and at county level through the roll-up', async () => {
    const records = [...TREE, ...hazards(565, 503, 'v1', '2026-07-02'), ...hazards(208, 192, 'bangtou', '2026-09-30')];
    const report = await scored(xianyou, records, { period: '2026-Q3' });
    expect(report.unit.id).toBe('county');
    expect(rate(report.card)).toMatchObject({ value: roundTo(695 / 773, { mode: 'halfUp', digits: 2 }), numerator: 695, denominator: 773 });
    const village = report.units.find((u) => u.unit.id === 'v1');
    expect(village && rate(village)?.value).toBe(0.89);
  });

  it('from facts, with the points the rate earns', () => {
    const facts = {
      'hazards.processed': 503,
      'hazards.recorded': 565,
      'hazards.closedOnTime': 503,
      'hazards.overdue': 0,
      'hazards.extended': 0,
      'hazards.returned': 0,
      'hazards.reworked': 0,
      'meetings.held': 4,
      'meetings.required': 4,
      'info.itemsSubmitted': 2,
      'patrols.done': 4,
      'patrols.planned': 4,
      'inspections.led': 1,
      'inspections.required': 1,
      'accidents.majorOrAbove': 0,
    };
    const r = scoreFacts(xianyou, facts, { period: 'month' });
    expect(r._tag).toBe('Right');
    if (r._tag === 'Right') expect(rate(r.right)).toMatchObject({ value: 0.89, points: 26.7, max: 30 });
  });
});
