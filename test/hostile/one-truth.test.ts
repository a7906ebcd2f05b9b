import { diffPacks, renderHandbook } from '@gridsafe/cli';
import { packSetFromFiles, type ResolvedPack, resolvePack, runCases } from '@gridsafe/engine';
import { runEscalationCase } from '@gridsafe/escalation';
import { type FileInput, type Issue, validateFiles } from '@gridsafe/schema';
import { runScoreCase } from '@gridsafe/scoring';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { evilPack, seedFiles } from './fixture.js';

const seeds = seedFiles('base', 'chibi');
const runners = { score: runScoreCase, escalation: runEscalationCase };
const key = (i: Issue) => `${i.code} ${i.file}:${i.line}:${i.column} ${i.pointer}`;

/**
 * What each command does with a pack set: `validate` checks the files; `test`, `diff`, `handbook`
 * and `score` load them (the same check), resolve the pack and run it. Returns the verdict of each.
 */
function verdicts(inputs: FileInput[]) {
  const report = validateFiles(inputs);
  const set = packSetFromFiles(inputs);
  const loaded = E.isLeft(set) ? set : resolvePack(set.right, 'evil');
  let ran: string | undefined;
  if (E.isRight(loaded) && E.isRight(set)) {
    const chibi = resolvePack(set.right, 'chibi');
    try {
      runCases(loaded.right, { runners });
      diffPacks((chibi as E.Right<ResolvedPack>).right, loaded.right);
      renderHandbook(loaded.right, 'zh');
      renderHandbook(loaded.right, 'en');
    } catch (e) {
      ran = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
  }
  return { report, loaded, ran };
}

function expectOneTruth(inputs: FileInput[]): boolean {
  const { report, loaded, ran } = verdicts(inputs);
  expect(ran).toBeUndefined();
  const errors = report.issues.filter((i) => i.severity === 'error').map(key);
  if (report.ok) expect(E.isRight(loaded) ? [] : loaded.left.map(key)).toEqual([]);
  else expect(E.isLeft(loaded) ? loaded.left.map(key) : []).toEqual(errors);
  return report.ok;
}

describe('one truth: what validate accepts every command accepts, and what it rejects they reject alike', () => {
  it('an overlay that removes a whole file: validate, test, diff and handbook all accept it', () => {
    const inputs = [...seeds, evilPack([{ op: 'remove', target: 'chibi.checklist.village' }])];
    expect(expectOneTruth(inputs)).toBe(true);
    const set = packSetFromFiles(inputs);
    const pack = E.isRight(set) ? resolvePack(set.right, 'evil') : set;
    expect(E.isRight(pack) && pack.right.checklists.map((c) => c.id)).toEqual(['chibi.checklist.community']);
  });

  it('an overlay that adds a fact to the catalog, used by an item it modifies: all accept it', () => {
    const inputs = [
      ...seeds,
      evilPack([
        {
          op: 'add',
          into: 'base.catalog',
          element: { id: 'site.lpgCylinders', type: 'integer', scope: 'record', title: { zh: '液化气钢瓶数', en: 'LPG cylinders' } },
        },
        {
          op: 'modify',
          target: 'chibi.community.02',
          set: { hazardWhen: { all: [{ fact: 'site.lpgCylinders', operator: 'greaterThan', value: 2 }] } },
        },
      ]),
    ];
    expect(expectOneTruth(inputs)).toBe(true);
  });

  it('removing a file that others refer to is rejected by all, at the remove', () => {
    const inputs = [...seeds, evilPack([{ op: 'remove', target: 'base.catalog' }])];
    expect(expectOneTruth(inputs)).toBe(false);
    const r = validateFiles(inputs);
    expect(r.issues.filter((i) => i.code === 'ref.unknown').every((i) => i.file === 'rules/evil/pack.json')).toBe(true);
  });

  it('setParameter with its own citation replaces the inherited local-default label of a due time', () => {
    const cite = [{ seed: '002', clause: '四、建设标准 五全 五是', quote: '并于当日在信息管理系统中如实录入' }];
    const inputs = [
      ...seeds,
      evilPack([
        { op: 'setParameter', target: 'chibi.tier.community', parameter: 'within', value: 'P2D', severity: 'general', source: cite },
      ]),
    ];
    const set = packSetFromFiles(inputs);
    if (E.isLeft(set)) throw new Error(set.left.map((i) => i.message.en).join('\n'));
    const before = resolvePack(set.right, 'chibi');
    const after = resolvePack(set.right, 'evil');
    if (E.isLeft(before) || E.isLeft(after)) throw new Error('did not resolve');
    const due = after.right.escalations[0]?.tiers.find((t) => t.id === 'chibi.tier.community')?.due.find((d) => d.severity === 'general');
    expect(due).toMatchObject({ within: 'P2D', source: cite });
    expect(due).not.toHaveProperty('localDefault');
    const d = diffPacks(before.right, after.right);
    const tier = d.changed.find((c) => c.id === 'chibi.tier.community');
    expect(tier?.provenance.b).toMatchObject({ pack: 'evil', op: 'setParameter', cites: '002 四、建设标准 五全 五是' });
    expect(tier?.provenance.b?.localDefault).toBeUndefined();
  });
});

/** Ids in the seed packs that overlays may name, and values (good and bad) they may set. */
const targets = [
  'chibi.community.02',
  'chibi.village.03',
  'chibi.checklist.village',
  'chibi.checklist.community',
  'chibi.tier.community',
  'chibi.tier.township',
  'chibi.escalation',
  'chibi.requirements.wuquan',
  'chibi.requirements.wuding-siqing',
  'chibi.standard.shiyou',
  'chibi.scoring',
  'chibi.hierarchy',
  'base.catalog',
  'base.sector.fireworks',
  'site.crowdedPlace',
  'no.such.element',
];
const values = fc.oneof(
  fc.constant({ zh: '改', en: 'Changed' }),
  fc.constant({ all: [{ fact: 'answer', operator: 'equal', value: true }] }),
  fc.constant({ all: [{ fact: 'site.crowdedPlace', operator: 'equal', value: 'yes' }] }),
  fc.constant({ default: 'major' }),
  fc.constant('P2D'),
  fc.constant('never'),
  fc.constant([]),
  fc.constant(null),
  fc.integer({ min: -2, max: 200 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const fields = fc.constantFrom(
  'text',
  'hazardWhen',
  'severity',
  'items',
  'rules',
  'tiers',
  'skips',
  'weight',
  'lookFor',
  'facts',
  'title',
  'number',
);
const op = fc.oneof(
  fc.record({ op: fc.constant('remove'), target: fc.constantFrom(...targets) }),
  fc.record({
    op: fc.constant('modify'),
    target: fc.constantFrom(...targets),
    set: fc.dictionary(fields, values, { minKeys: 1, maxKeys: 2 }),
  }),
  fc.record({
    op: fc.constant('setParameter'),
    target: fc.constantFrom(...targets),
    parameter: fc.constantFrom('within', 'weight', 'points', 'count', 'max'),
    value: fc.oneof(fc.constantFrom('P1D', 'P30D', 'PT2H', 'never', 'P99999D'), fc.integer({ min: -5, max: 500 })),
  }),
  fc.record({
    op: fc.constant('add'),
    into: fc.constantFrom('base.catalog', 'chibi.checklist.community', 'chibi.escalation#skips', 'chibi.hierarchy#cadences'),
    element: fc.oneof(
      fc.constant({ id: 'evil.fact', type: 'boolean', scope: 'record', title: { zh: '新', en: 'New' } }),
      fc.record({ id: fc.constantFrom('evil.x', 'chibi.community.01', 'site.crowdedPlace') }),
    ),
  }),
);

/** Overlays per run of the property: GRIDSAFE_FUZZ_RUNS in `npm run test:fuzz` (2,000), fewer in the ordinary suite. */
const RUNS = Number(process.env.GRIDSAFE_FUZZ_RUNS ?? 100);

describe('property: random overlays of the seed packs', () => {
  it(`give one verdict from validate, test, diff and handbook (${RUNS} overlays)`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 4 }), (ops) => {
        if (expectOneTruth([...seeds, evilPack(ops as Record<string, unknown>[])])) accepted++;
      }),
      { numRuns: RUNS, seed: Number(process.env.GRIDSAFE_FUZZ_SEED ?? 12) },
    );
    // Both verdicts occur, so the property is not vacuous.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(RUNS);
  });
});
