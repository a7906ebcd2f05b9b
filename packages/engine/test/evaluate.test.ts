import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  assessStation,
  checkRequirements,
  evaluatePatrol,
  type PatrolResult,
  type ResolvedPack,
  resolvePack,
  type Trace,
} from '../src/index.js';
import { base, baseFiles, manifest, packSet, source } from './fixtures.js';

const escalation = {
  kind: 'escalation' as const,
  id: 'e.escalation',
  version: '1.0.0',
  title: { zh: '上报', en: 'Escalation' },
  source: [{ seed: '002', clause: '三' }],
  entry: 'e.village',
  reasons: [{ id: 'e.reason.up', title: { zh: '上报', en: 'Up' } }],
  tiers: [
    {
      id: 'e.village',
      title: { zh: '村', en: 'Village' },
      actor: { zh: '村', en: 'Village' },
      actions: ['resolve' as const, 'escalate' as const],
      escalatesTo: 'e.town',
      escalatesOn: ['e.reason.up'],
      due: [],
      onOverdue: { action: 'remind' as const },
    },
    {
      id: 'e.town',
      title: { zh: '镇', en: 'Town' },
      actor: { zh: '镇', en: 'Town' },
      actions: ['resolve' as const],
      due: [],
      onOverdue: { action: 'supervise' as const },
    },
  ],
  skips: [{ id: 'e.skip', from: 'e.village', to: 'e.town', severity: 'major' as const }],
  verification: { required: true, by: 'sameTier' as const },
  majorPlan: { required: true, fields: [], reviewBeforeClose: true },
  supervision: { by: 'e.town', trigger: 'overdue' as const, remindEvery: 'P1D' },
};
const resolved = (() => {
  const r = resolvePack(packSet(base(), source(manifest('e', '1.0.0', ['b'], '2018-01-01'), [escalation])), 'e');
  if (E.isLeft(r)) throw new Error('fixture');
  return r.right;
})();

const record = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'r1',
  gridId: 'g1',
  gridType: 'village',
  workerId: 'w1',
  at: '2026-03-01T09:00:00+08:00',
  answers,
  photos: [{ uri: 'p1.jpg', itemId: 'b.i1' }],
  ...extra,
});
const right = (r: E.Either<unknown, PatrolResult>) => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  return r.right;
};

describe('evaluatePatrol', () => {
  it('gives a finding for every item: hazard with severity, route and explanation; ok; not answered; not applicable', () => {
    const r = right(
      evaluatePatrol(resolved, record({ 'b.i1': true, 'b.i2': false }, { facts: { storedKg: 150 }, notApplicable: ['b.i3'] })),
    );
    expect(r.findings.map((f) => [f.item, f.status, f.severity ?? null])).toEqual([
      ['b.i1', 'hazard', 'major'],
      ['b.i2', 'ok', null],
      ['b.i3', 'notApplicable', null],
    ]);
    const [major] = r.findings;
    expect(major?.route).toEqual({ tier: 'e.town', direct: true });
    expect(major?.evidence).toEqual({ required: true, photos: 1, present: true });
    expect(major?.yields).toBe('hazard');
    expect(major?.explanation?.hazard).toMatchObject({
      kind: 'all',
      result: true,
      children: [{ kind: 'leaf', fact: 'answer', factValue: true, value: true, result: true }],
    });
    expect(major?.explanation?.major).toMatchObject({ kind: 'condition', name: 'heavy', result: true });
    expect(r.hazards).toBe(1);
  });

  it("explains hazards by default, every answered item with explain: 'all', and nothing with false", () => {
    const rec = record({ 'b.i1': true, 'b.i2': false });
    const by = (r: PatrolResult) => r.findings.map((f) => [f.item, f.explanation !== undefined]);
    expect(by(right(evaluatePatrol(resolved, rec)))).toEqual([
      ['b.i1', true],
      ['b.i2', false],
      ['b.i3', false],
    ]);
    expect(by(right(evaluatePatrol(resolved, rec, { explain: 'all' })))).toEqual([
      ['b.i1', true],
      ['b.i2', true],
      ['b.i3', false],
    ]);
    expect(by(right(evaluatePatrol(resolved, rec, { explain: false })))).toEqual([
      ['b.i1', false],
      ['b.i2', false],
      ['b.i3', false],
    ]);
    const ok = right(evaluatePatrol(resolved, rec, { explain: 'all' })).findings[1];
    expect(ok?.explanation?.hazard).toMatchObject({ result: false, children: [{ factValue: false, value: true, result: false }] });
  });

  it('routes a general hazard to the entry tier, without photo evidence flagged', () => {
    const r = right(evaluatePatrol(resolved, record({ 'b.i2': true })));
    const f = r.findings.find((x) => x.item === 'b.i2');
    expect(f).toMatchObject({
      status: 'hazard',
      severity: 'general',
      route: { tier: 'e.village', direct: false },
      evidence: { present: false },
    });
    expect(r.findings.find((x) => x.item === 'b.i1')?.status).toBe('notAnswered');
  });

  it('rejects bad records with located errors and no partial result', () => {
    const cases: [unknown, string[]][] = [
      [{ ...record({}), at: 'yesterday' }, ['/at']],
      [record({ 'b.i9': true }), ['/answers/b.i9']],
      [record({ 'b.i1': 'yes' }), ['/answers/b.i1']],
      [record({}, { facts: { storedKgs: 3 } }), ['/facts/storedKgs']],
      [record({}, { facts: { storedKg: 'heavy' } }), ['/facts/storedKg']],
      [{ ...record({}), gridType: 'moon' }, ['/gridType']],
    ];
    for (const [input, pointers] of cases) {
      const r = evaluatePatrol(resolved, input);
      expect(E.isLeft(r)).toBe(true);
      if (E.isLeft(r)) expect(r.left.map((i) => i.pointer)).toEqual(pointers);
    }
  });
});

describe('assessStation and checkRequirements', () => {
  it('reports each requirement met or unmet with its gap, and the weighted result', () => {
    const r = assessStation(resolved, {
      stationId: 's1',
      date: '2026-03-01',
      stationType: 'villageStation',
      facts: { 'station.hasOffice': false, 'station.workers': 2 },
    });
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
    expect(r.right.requirements.map((q) => [q.id, q.met, q.gap?.en ?? null])).toEqual([
      ['b.r1', false, 'No office'],
      ['b.r2', true, null],
    ]);
    expect(r.right).toMatchObject({ metWeight: 3, totalWeight: 4, score: 0.75, passed: false });
  });

  it('rejects unknown station facts', () => {
    const r = assessStation(resolved, { stationId: 's1', date: '2026-03-01', facts: { 'station.office': true } });
    expect(E.isLeft(r) && r.left[0]?.params).toMatchObject({ refKind: 'fact', id: 'station.office' });
  });

  it('checks requirements with their evidence', () => {
    const rules = {
      kind: 'requirements' as const,
      id: 'q.rules',
      version: '1.0.0',
      title: { zh: '五全', en: 'Five fulls' },
      source: [{ seed: '002', clause: '四' }],
      period: 'P1M',
      rules: [
        {
          id: 'q.patrols',
          title: { zh: '日常巡检任务全完成', en: 'All patrols done' },
          text: { zh: '计划内巡查任务要全面完成', en: 'Every planned patrol is done' },
          category: '五全' as const,
          condition: { all: [{ fact: 'storedKg', operator: 'lessThanInclusive' as const, value: 0 }] },
          evidence: ['storedKg'],
          source: [{ seed: '002', clause: '四' }],
        },
      ],
    };
    const pack = resolvePack(packSet(base(), source(manifest('q', '1.0.0', ['b'], '2018-01-01'), [rules])), 'q');
    if (E.isLeft(pack)) throw new Error('fixture');
    const r = checkRequirements(pack.right, {
      period: { kind: 'month', start: '2026-03-01' },
      unit: { id: 't', level: 'township' },
      facts: { storedKg: 2 },
    });
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
    expect(r.right.rules.map((x) => [x.id, x.satisfied, x.evidence])).toEqual([['q.patrols', false, { storedKg: 2 }]]);
  });
});

const answers = fc.record(
  { 'b.i1': fc.option(fc.boolean()), 'b.i2': fc.option(fc.boolean()), 'b.i3': fc.option(fc.boolean()) },
  { requiredKeys: [] },
);
const kg = fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined });

function leavesTrue(trace: Trace, facts: Record<string, unknown>): void {
  if (trace.kind === 'leaf') expect(trace.factValue).toEqual(facts[trace.fact]);
  else for (const c of trace.children) leavesTrue(c, facts);
}

describe('evaluation laws', () => {
  it('the same input gives the same output; codegen and closures agree', () => {
    fc.assert(
      fc.property(answers, kg, (a, k) => {
        const rec = record(a, k === undefined ? {} : { facts: { storedKg: k } });
        const first = right(evaluatePatrol(resolved, rec));
        expect(right(evaluatePatrol(resolved, structuredClone(rec)))).toEqual(first);
        expect(right(evaluatePatrol(resolved, rec, { mode: 'closure' }))).toEqual(first);
      }),
    );
  });

  it('the order of answers and of checklist items does not change the result', () => {
    const reversed = (() => {
      const checklist = { ...baseFiles[1], id: 'b.checklist', items: [...(baseFiles[1] as { items: unknown[] }).items].reverse() };
      const files = [baseFiles[0], checklist, baseFiles[2], escalation] as never[];
      const r = resolvePack(packSet(source(manifest('b', '1.0.0', [], '2017-01-01'), files)), 'b');
      if (E.isLeft(r)) throw new Error('fixture');
      return r.right as ResolvedPack;
    })();
    fc.assert(
      fc.property(answers, kg, (a, k) => {
        const facts = k === undefined ? {} : { facts: { storedKg: k } };
        const forward = right(evaluatePatrol(resolved, record(a, facts)));
        const backward = right(evaluatePatrol(reversed, record(Object.fromEntries(Object.entries(a).reverse()), facts)));
        const byItem = (r: PatrolResult) => [...r.findings].sort((x, y) => x.item.localeCompare(y.item));
        expect(byItem(backward)).toEqual(byItem(forward));
      }),
    );
  });

  it("every hazard's explanation is true of its record", () => {
    fc.assert(
      fc.property(answers, kg, (a, k) => {
        const r = right(evaluatePatrol(resolved, record(a, k === undefined ? {} : { facts: { storedKg: k } })));
        for (const f of r.findings.filter((x) => x.status === 'hazard')) {
          expect(f.explanation?.hazard.result).toBe(true);
          leavesTrue(f.explanation?.hazard as Trace, { answer: a[f.item as keyof typeof a], storedKg: k });
          if (f.severity === 'major') expect(f.explanation?.major?.result).toBe(true);
        }
      }),
    );
  });
});
