import { type Metric, type ScoringFile, scoringItems } from '@gridsafe/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreFacts } from '../src/index.js';
import { improve, records, UNITS } from './arbitrary.js';
import { pack, REGIONS, scored } from './fixtures.js';

const xianyou = pack('xianyou');
const RUNS = { numRuns: 60 };
const period = '2026-Q3';

/** Random period facts for a pack's scoring file: every numerator, denominator and deduction fact, and the veto facts. */
function factsArb(file: ScoringFile) {
  const metrics = scoringItems(file);
  const names = new Set<string>(['accidents.majorOrAbove', 'accidents.seriousOrAbove']);
  for (const m of metrics) {
    if (m.numerator) names.add(m.numerator);
    if (m.denominator) names.add(m.denominator);
    for (const d of m.deductions ?? []) if (d.kind === 'perCount') names.add(d.count);
  }
  const entries = [...names].map((n) => {
    const boolean = metrics.some((m) => m.measure === 'boolean' && m.numerator === n);
    if (n.startsWith('accidents.')) return [n, fc.constant(0)] as const;
    return [n, boolean ? fc.boolean() : fc.nat({ max: 500 })] as const;
  });
  return fc.record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<number | boolean>>);
}

describe.each(REGIONS)('%s facts', (region) => {
  const p = pack(region);
  const file = p.scorings[0];
  if (!file) throw new Error('no scoring');
  const arb = factsArb(file);
  const items = scoringItems(file);
  const kinds = file.periods;

  it('the score stays within [0, max], and so does every metric', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom(...kinds), (facts, kind) => {
        const r = scoreFacts(p, facts, { period: kind });
        if (r._tag === 'Left') throw new Error(r.left[0]?.message.en);
        expect(r.right.score ?? -1).toBeGreaterThanOrEqual(0);
        expect(r.right.score ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(r.right.maxScore);
        for (const m of r.right.metrics) expect(m.points >= 0 && m.points <= m.max).toBe(true);
      }),
      RUNS,
    );
  });

  it('improving any metric never lowers the score', () => {
    fc.assert(
      fc.property(arb, fc.nat(), fc.integer({ min: 1, max: 100 }), fc.constantFrom(...kinds), (facts, which, k, kind) => {
        const m = items[which % items.length] as Metric;
        const better: Record<string, unknown> = { ...facts };
        const num = m.numerator as string;
        const cur = facts[num];
        if (m.measure === 'boolean') better[num] = true;
        else if (m.better === 'lower') better[num] = Math.max(0, (cur as number) - k);
        else {
          const cap =
            m.measure === 'ratio' && m.denominator ? Math.max(cur as number, facts[m.denominator] as number) : Number.POSITIVE_INFINITY;
          better[num] = Math.min(cap, (cur as number) + k);
        }
        for (const d of m.deductions ?? []) if (d.kind === 'perCount') better[d.count] = Math.max(0, (facts[d.count] as number) - k);
        const a = scoreFacts(p, facts, { period: kind });
        const b = scoreFacts(p, better, { period: kind });
        if (a._tag === 'Left' || b._tag === 'Left') throw new Error('issues');
        expect(b.right.score ?? -1).toBeGreaterThanOrEqual(a.right.score ?? 0);
      }),
      RUNS,
    );
  });

  it('a veto always wins', () => {
    const veto = file.vetoes?.[0];
    if (!veto) return;
    const fact = region === 'mudan' ? 'accidents.seriousOrAbove' : 'accidents.majorOrAbove';
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 5 }), fc.constantFrom(...kinds), (facts, n, kind) => {
        const r = scoreFacts(p, { ...facts, [fact]: n }, { period: kind });
        if (r._tag === 'Left') throw new Error('issues');
        expect(r.right.veto?.id).toBe(veto.id);
        expect(r.right.grade?.id).toBe(veto.grade);
      }),
      RUNS,
    );
  });
});

describe('streamed records (Xianyou quarter)', () => {
  const run = (rs: unknown[]) => scored(xianyou, [...UNITS, ...rs], { period });

  it('the order of records does not change the result', async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.nat(), async (rs, seed) => {
        const shuffled = [...UNITS, ...rs]
          .map((r, i) => ({ r, k: (i * 2654435761 + seed) % 1000003 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.r);
        const a = await run(rs);
        const b = await scored(xianyou, shuffled, { period });
        expect(b.units).toEqual(a.units);
        expect(b.trend).toEqual(a.trend);
        expect(b.hazards).toEqual(a.hazards);
      }),
      { numRuns: 30 },
    );
  });

  it("a county's counts equal the sum of its townships'", async () => {
    await fc.assert(
      fc.asyncProperty(records, async (rs) => {
        const r = await run(rs);
        const county = r.units.find((u) => u.unit.id === 'c');
        const towns = r.units.filter((u) => u.unit.level === 'xianyou.level.township');
        expect(towns.length).toBe(2);
        for (const [fact, v] of Object.entries(county?.facts ?? {})) {
          if (typeof v !== 'number' || fact.endsWith('.required') || fact.startsWith('county.') || fact === 'actions.monthsWithAction')
            continue;
          if (fact.startsWith('grids.') || fact.startsWith('requirements.')) continue; // per unit, not record counts
          expect([fact, v]).toEqual([fact, towns.reduce((s, t) => s + (t.facts[fact] as number), 0)]);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('improving a record never lowers any unit’s score', async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.nat(), async (rs, i) => {
        const a = await run(rs);
        const b = await run(improve(rs, i));
        for (const card of a.units)
          expect(b.units.find((u) => u.unit.id === card.unit.id)?.score ?? -1).toBeGreaterThanOrEqual(card.score ?? 0);
      }),
      { numRuns: 30 },
    );
  });

  it('a major accident anywhere below a unit vetoes it', async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.constantFrom('v11', 'v12', 't1'), async (rs, where) => {
        const r = await run([...rs, { type: 'accident', unit: where, date: '2026-08-08', level: 'major' }]);
        for (const id of ['c', 't1', where]) {
          const card = r.units.find((u) => u.unit.id === id);
          expect(card?.grade?.id).toBe('xianyou.grade.fail');
          expect(card?.rank).toBe(card?.of);
        }
      }),
      { numRuns: 20 },
    );
  });
});
