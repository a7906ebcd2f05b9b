// The laws of a points-deduction standard, on the made-up county's pack: one more failing never
// raises a score; no element or block leaves its cap or floor; a gate fails before anything else is
// computed; record order and element order do not change the result; a correction replaces.
import { isBlock, type ScoringElement, type ScoringFile } from '@gridsafe/schema';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { score, scoreFacts } from '../src/index.js';
import { countyRecords, FULL, hexi } from './county.js';

const county = hexi();
const file = county.scorings[0] as ScoringFile;
const RUNS = { numRuns: 80 };

/** A township's quarter: any mix of work done and failings. */
const facts = fc
  .record({
    'assessment.materialsSubmitted': fc.constant(true),
    'grids.total': fc.constant(10),
    'grids.withWorker': fc.constant(10),
    'info.itemsSubmitted': fc.nat({ max: 12 }),
    'reports.monthlyMissing': fc.nat({ max: 4 }),
    'hazards.recorded': fc.integer({ min: 1, max: 60 }),
    'hazards.processed': fc.nat({ max: 60 }),
    'patrols.missedUnreported': fc.nat({ max: 8 }),
    'accidents.concealed': fc.boolean(),
    'accidents.majorOrAbove': fc.nat({ max: 1 }),
    'accidents.general': fc.nat({ max: 4 }),
    'accidents.deaths': fc.nat({ max: 5 }),
    'accidents.directLoss': fc.nat({ max: 20_000_000 }),
    'accidents.aboveThreshold': fc.nat({ max: 1 }),
  })
  .map((f) => ({ ...f, 'hazards.processed': Math.min(f['hazards.processed'], f['hazards.recorded']) }));
const assessed = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined });

const card = (f: Record<string, unknown>, value?: number) => {
  const r = scoreFacts(county, f, {
    period: 'quarter',
    ...(value !== undefined ? { assessments: { 'hexi.deduct.patrol-records': { assessor: 'a', value, reason: 'r' } } } : {}),
  });
  if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message.en).join('; '));
  return r.right;
};

/** One more failing of each kind a standard counts. */
const FAILINGS: ((f: Record<string, number | boolean>) => Record<string, number | boolean>)[] = [
  (f) => ({ ...f, 'reports.monthlyMissing': (f['reports.monthlyMissing'] as number) + 1 }),
  (f) => ({ ...f, 'patrols.missedUnreported': (f['patrols.missedUnreported'] as number) + 1 }),
  (f) => ({ ...f, 'info.itemsSubmitted': Math.max(0, (f['info.itemsSubmitted'] as number) - 1) }),
  (f) => ({ ...f, 'hazards.processed': Math.max(0, (f['hazards.processed'] as number) - 1) }),
  (f) => ({ ...f, 'accidents.concealed': true }),
  (f) => ({ ...f, 'accidents.general': (f['accidents.general'] as number) + 1 }),
  (f) => ({ ...f, 'accidents.deaths': (f['accidents.deaths'] as number) + 1 }),
  (f) => ({ ...f, 'accidents.directLoss': (f['accidents.directLoss'] as number) + 1_000_000 }),
  (f) => ({ ...f, 'accidents.aboveThreshold': 1 }),
  (f) => ({ ...f, 'accidents.majorOrAbove': 1 }),
];

describe('made-up county: laws of a points-deduction standard', () => {
  it('one more failing never raises a score, nor any block or element', () => {
    fc.assert(
      fc.property(facts, assessed, fc.nat({ max: FAILINGS.length - 1 }), (f, a, k) => {
        const before = card(f, a);
        const after = card((FAILINGS[k] as (typeof FAILINGS)[number])(f), a);
        expect(after.score ?? 0).toBeLessThanOrEqual(before.score ?? 0);
        for (const m of after.metrics) expect(m.points).toBeLessThanOrEqual(before.metrics.find((x) => x.id === m.id)?.points ?? 0);
        for (const b of after.blocks) expect(b.points).toBeLessThanOrEqual(before.blocks.find((x) => x.id === b.id)?.points ?? 0);
        if (before.veto) expect(after.veto).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('an assessor taking more off never raises a score', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 1, max: 2 }), (f, a) => {
        expect(card(f, a + 1).score ?? 0).toBeLessThanOrEqual(card(f, a).score ?? 0);
      }),
      RUNS,
    );
  });

  it('no element or block leaves its cap or floor, and no deduction its cap', () => {
    const declared = new Map<string, ScoringElement>();
    const walk = (els: readonly ScoringElement[]) =>
      els.forEach((e) => {
        declared.set(e.id, e);
        if (isBlock(e)) walk(e.elements);
      });
    walk(file.elements);
    fc.assert(
      fc.property(facts, assessed, (f, a) => {
        const c = card(f, a);
        for (const x of [...c.metrics, ...c.blocks]) {
          const e = declared.get(x.id) as ScoringElement;
          expect(x.points).toBeGreaterThanOrEqual(e.floor ?? 0);
          expect(x.points).toBeLessThanOrEqual(Math.min(e.cap ?? e.points, e.points));
          // What the cap cut and the floor gave back account for the whole difference.
          if (!('veto' in x) || x.veto === null) expect(x.points).toBeCloseTo(x.raw - x.capped + x.floored, 6);
        }
        for (const d of c.metrics.flatMap((m) => m.deductions)) {
          expect(d.points).toBeLessThanOrEqual(d.uncapped);
          expect(d.points + d.cut).toBeCloseTo(d.uncapped, 6);
        }
        expect(c.score).toBeGreaterThanOrEqual(0);
        expect(c.score).toBeLessThanOrEqual(100);
      }),
      RUNS,
    );
  });

  it('a gate fails before any veto or points are computed', () => {
    fc.assert(
      fc.property(facts, fc.boolean(), fc.subarray(Object.keys(FULL)), (f, which, drop) => {
        const failing: Record<string, unknown> = which ? { ...f, 'assessment.materialsSubmitted': false } : { ...f, 'grids.withWorker': 9 };
        // Facts only the elements and vetoes read may even be missing: they are never asked for.
        for (const k of drop) if (!['assessment.materialsSubmitted', 'grids.total', 'grids.withWorker'].includes(k)) delete failing[k];
        const c = card(failing);
        expect(c.status).toBe('ineligible');
        expect(c.gates.some((g) => !g.passed)).toBe(true);
        expect([c.score, c.share, c.grade, c.veto]).toEqual([null, null, null, null]);
        expect([c.blocks, c.metrics, c.elements]).toEqual([[], [], []]);
      }),
      RUNS,
    );
  });

  it('the order of the elements does not change any element’s points, nor the total', () => {
    const shuffle = <T>(xs: readonly T[], seed: number): T[] =>
      xs
        .map((x, i) => ({ x, k: (i * 2654435761 + seed) % 1000003 }))
        .sort((a, b) => a.k - b.k)
        .map((y) => y.x);
    const reorder = (els: readonly ScoringElement[], seed: number): ScoringElement[] =>
      shuffle(els, seed).map((e) =>
        isBlock(e) ? { ...e, elements: reorder(e.elements, seed + 1) } : { ...e, deductions: shuffle(e.deductions ?? [], seed) },
      );
    fc.assert(
      fc.property(facts, assessed, fc.nat(), (f, a, seed) => {
        const other = { ...county, scorings: [{ ...file, elements: reorder(file.elements, seed) }] };
        const r = scoreFacts(other, f, {
          period: 'quarter',
          ...(a !== undefined ? { assessments: { 'hexi.deduct.patrol-records': { assessor: 'a', value: a, reason: 'r' } } } : {}),
        });
        if (E.isLeft(r)) throw new Error('issues');
        const c = card(f, a);
        const points = (x: { metrics: { id: string; points: number }[]; blocks: { id: string; points: number }[] }) =>
          Object.fromEntries([...x.metrics, ...x.blocks].map((e) => [e.id, e.points]).sort());
        expect(points(r.right)).toEqual(points(c));
        expect(r.right.score).toBe(c.score);
        expect(r.right.grade).toEqual(c.grade);
      }),
      RUNS,
    );
  });

  it('the order of the records does not change the report', async () => {
    const records = countyRecords();
    const a = await score(county, records, { period: '2026-Q3', unit: 'east' });
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (seed) => {
        const shuffled = records
          .map((r, i) => ({ r, k: (i * 2654435761 + seed) % 1000003 }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.r);
        const b = await score(county, shuffled, { period: '2026-Q3', unit: 'east' });
        expect(E.isRight(b) && b.right.units).toEqual(E.isRight(a) && a.right.units);
        expect(E.isRight(b) && b.right.corrections).toEqual(E.isRight(a) && a.right.corrections);
      }),
      { numRuns: 25 },
    );
  });

  it('a correction replaces, never adds: the value that stands is the last of the chain', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 5 }), fc.nat(), async (values, seed) => {
        const chain = values.map((value, i) => ({
          type: 'fact',
          unit: 'west',
          date: '2026-07-28',
          fact: 'reports.monthlyMissing',
          value,
          id: `c${i}`,
          ...(i > 0 ? { supersedes: `c${i - 1}` } : {}),
        }));
        const rest = countyRecords().filter((r) => !(r.unit === 'west' && r.fact === 'reports.monthlyMissing' && r.date === '2026-07-28'));
        const records = [...rest, ...chain].sort(
          (x, y) => ((JSON.stringify(x).length * 31 + seed) % 7) - ((JSON.stringify(y).length * 31 + seed) % 7),
        );
        const r = await score(county, records, { period: '2026-Q3', unit: 'west' });
        if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message.en).join('; '));
        expect(r.right.card.facts['reports.monthlyMissing']).toBe(values.at(-1));
        expect(r.right.corrections.filter((c) => c.unit === 'west')).toHaveLength(values.length > 1 ? 1 : 0);
      }),
      { numRuns: 40 },
    );
  });
});
