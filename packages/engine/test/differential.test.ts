import { type NestedCondition, OPERATORS, type TopLevelCondition } from '@gridsafe/schema';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compileClosure, explain } from '../src/compile/closure.js';
import { generate, generateExplainers, instantiate, instantiateExplainers, toModuleSource } from '../src/compile/codegen.js';
import { closureChecklist, generateChecklist, instantiateChecklist } from '../src/compile/kernel.js';
import { matches } from '../src/compile/operators.js';
import { compilePatrol, evaluatePatrol, evaluatePatrolAsync, type PatrolResult, type ResolvedPack } from '../src/index.js';

// Facts of every type the catalogue allows, so conditions mix types the way packs do.
const FACTS = ['n', 'm', 's', 'b', 'arr', 'nums', 'obj', 'missing', 'answer', 'photos'] as const;

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -10, max: 10, noNaN: true }).map((d) => d + 0),
  fc.constantFrom('a', 'b', 'lpg', '3', '12abc', '', '消防'),
  fc.boolean(),
  fc.constant(null),
);
const factValues = fc
  .record({
    n: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('3', '12abc', 'x')),
    m: fc.double({ min: -10, max: 10, noNaN: true }).map((d) => d + 0),
    s: fc.constantFrom('a', 'b', 'lpg', '消防', ''),
    answer: scalar,
    photos: fc.nat(3),
    b: fc.boolean(),
    arr: fc.array(fc.constantFrom('a', 'b', 'lpg', 'kit'), { maxLength: 4 }),
    nums: fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 4 }),
    obj: fc.record({ a: scalar, list: fc.array(scalar, { maxLength: 3 }), inner: fc.record({ x: scalar }) }, { requiredKeys: [] }),
  })
  .map((v) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>); // as host facts arrive: plain JSON

const operators = OPERATORS;
const paths = ['$.a', '$.list[0]', '$.list[2]', '$.inner.x', '$.nope', '$.list', '$.inner'];

const leaf: fc.Arbitrary<NestedCondition> = fc
  .record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constantFrom(...operators),
    path: fc.option(fc.constantFrom(...paths), { nil: undefined }),
    ref: fc.boolean(),
    scalar,
    list: fc.array(scalar, { maxLength: 4 }),
    pattern: fc.constantFrom('^a', 'p', '^[0-9]+$', '消'),
    refFact: fc.constantFrom(...FACTS),
  })
  .map(({ fact, operator, path, ref, scalar: v, list, pattern, refFact }) => {
    const value =
      operator === 'matches'
        ? pattern
        : operator === 'in' || operator === 'notIn'
          ? list
          : ref && operator !== 'contains'
            ? { fact: refFact }
            : v;
    const usePath = fact === 'obj' ? (path ?? '$.a') : undefined;
    return { fact, operator, value, ...(usePath ? { path: usePath } : {}) } as NestedCondition;
  })
  // json-rules-engine calls value.indexOf for in/notIn: a referenced fact that is not a list throws there.
  .filter((c) => !('value' in c && (c.operator === 'in' || c.operator === 'notIn') && !Array.isArray(c.value)));

const condition: fc.Arbitrary<TopLevelCondition> = fc.letrec<{ top: TopLevelCondition; nested: NestedCondition }>((tie) => ({
  top: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(tie('nested'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
    fc.array(tie('nested'), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
    tie('nested').map((not) => ({ not })),
    fc.constantFrom({ condition: 'isLpg' }, { condition: 'bigN' }),
  ),
  nested: fc.oneof({ depthSize: 'small' }, leaf, leaf, tie('top')),
})).top;

const named = new Map<string, TopLevelCondition>([
  [
    'isLpg',
    {
      any: [
        { fact: 's', operator: 'equal', value: 'lpg' },
        { fact: 'arr', operator: 'contains', value: 'lpg' },
      ],
    },
  ],
  ['bigN', { all: [{ fact: 'n', operator: 'greaterThan', value: 2 }] }],
]);

async function oracle(cond: TopLevelCondition, facts: Record<string, unknown>): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('matches', (a: unknown, b: unknown) => matches(a, b));
  for (const [k, v] of named) engine.setCondition(k, v as never);
  engine.addRule({ conditions: cond as never, event: { type: 'hit' } });
  const { events } = await engine.run({ ...facts });
  return events.length > 0;
}

describe('compiled conditions agree with json-rules-engine', () => {
  it('closure, generated code and explanation give json-rules-engine’s result', async () => {
    await fc.assert(
      fc.asyncProperty(condition, factValues, async (cond, facts) => {
        const f = Object.assign(Object.create(null), facts);
        const expected = await oracle(cond, facts);
        expect(compileClosure(cond, named)(f)).toBe(expected);
        const [generated] = instantiate(generate([cond], named));
        expect((generated as (x: unknown) => boolean)(f)).toBe(expected);
        const explanation = explain(cond, named, f);
        expect(explanation.result).toBe(expected);
        const [generatedExplainer] = instantiateExplainers(generateExplainers([cond], named));
        expect(generatedExplainer?.(f)).toEqual(explanation);
        const [itemExplainer] = instantiateExplainers(generateExplainers([cond], named, { item: true }));
        const { answer: _a, photos: _p, ...rest } = facts as Record<string, unknown>;
        expect(
          itemExplainer?.(
            Object.assign(Object.create(null), rest),
            (facts as Record<string, unknown>).answer,
            (facts as Record<string, unknown>).photos as number,
          ),
        ).toEqual(explanation);
      }),
      { numRuns: 3000 },
    );
  });

  it('a generated checklist kernel gives the same codes as per-item closures', () => {
    const answerLeaf = fc.constantFrom<NestedCondition>(
      { fact: 'answer', operator: 'equal', value: true },
      { fact: 'answer', operator: 'greaterThan', value: 2 },
      { fact: 'photos', operator: 'lessThan', value: 1 },
    );
    const itemCond = fc.tuple(answerLeaf, condition).map(([a, c]) => ({ any: [a, c] }) as TopLevelCondition);
    const item = fc.record({ hazard: itemCond, major: fc.option(condition, { nil: undefined }) });
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 6 }),
        factValues,
        fc.array(fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 5 }), fc.constant(null)), { minLength: 6, maxLength: 6 }),
        fc.array(fc.nat(3), { minLength: 6, maxLength: 6 }),
        (items, facts, answers, photos) => {
          const spec = items.map((i) => ({ hazard: i.hazard, ...(i.major ? { major: i.major } : {}) }));
          const src = generateChecklist(spec, named);
          const kernel = instantiateChecklist(src);
          const fv = src.slots.map((f) => (Object.hasOwn(facts, f) ? facts[f] : undefined));
          const got = new Uint8Array(items.length);
          kernel(fv, answers, photos, got, 0);
          const viaClosures = new Uint8Array(items.length);
          closureChecklist(spec, named, src.slots)(fv, answers, photos, viaClosures, 0);
          expect([...viaClosures]).toEqual([...got]);
          const expected = items.map((it, i) => {
            const a = answers[i];
            if (a === null || a === undefined) return 0;
            const f = Object.assign(Object.create(null), facts, { answer: a, photos: photos[i] });
            if (!compileClosure(it.hazard, named)(f)) return 0;
            return it.major && compileClosure(it.major, named)(f) ? 2 : 1;
          });
          expect([...got]).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('hostile strings in rule values and fact names cannot escape generated code', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '"); process.exit(1); ("',
        "'; throw 1; '",
        '`\u0024{globalThis.x=1}`',
        '\u2028\u2029',
        '</script>',
        '\\',
        '*/ x /*',
        '__proto__',
        'constructor',
        'toString',
        'valueOf',
        'hasOwnProperty',
      ),
    );
    const condOf = (name: string, value: string): TopLevelCondition => ({
      all: [
        { fact: name, operator: 'equal', value },
        { fact: 's', operator: 'in', value: [value, 'x'] },
        { fact: name, path: '$.a', operator: 'notEqual', value: 'x' },
      ],
    });
    // The code for harmless names and values: hostile ones must give exactly the same code.
    const plain = generate([condOf('plain', 'v')], named);
    const plainKernel = generateChecklist([{ hazard: condOf('plain', 'v') }], named);
    const plainExplainer = generateExplainers([condOf('plain', 'v')], named, { item: true });
    fc.assert(
      fc.property(hostile, hostile, (value, name) => {
        // Equal strings share one constant, which changes indices (not code): keep them apart.
        const taken = ['s', 'x', 'answer', 'photos', 'equal', 'in', 'notEqual', '$.a'];
        fc.pre(!taken.includes(name) && !taken.includes(value) && name !== value);
        const cond = condOf(name, value);
        const src = generate([cond], named);
        // Rule values and fact names live only in the constants table: the code does not depend on them.
        expect(src.body).toBe(plain.body);
        expect(generateChecklist([{ hazard: cond }], named).body).toBe(plainKernel.body);
        expect(generateExplainers([cond], named, { item: true }).body).toBe(plainExplainer.body);
        expect(src.constants).toContain(value);
        expect(src.constants).toContain(name);
        const [p] = instantiate(src);
        const f = Object.assign(Object.create(null), { [name]: value, s: value });
        expect((p as (x: unknown) => boolean)(f)).toBe(true);
        // A plain object with the fact only on its prototype: not read.
        expect((p as (x: unknown) => boolean)(Object.assign(Object.create({ [name]: value }), { s: value }))).toBe(false);
        expect((globalThis as { x?: unknown }).x).toBeUndefined();
        expect(toModuleSource(src)).toContain('export const predicates');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('every public call agrees with json-rules-engine on whole records', () => {
  const t = (zh: string, en: string) => ({ zh, en });
  const src = [{ seed: '002', clause: '附件1' }];
  const types = {
    n: 'number',
    m: 'number',
    s: 'string',
    b: 'boolean',
    arr: 'string[]',
    nums: 'number[]',
    obj: 'object',
    missing: 'number',
  } as const;
  const packOf = (items: { hazard: TopLevelCondition; major?: TopLevelCondition }[]): ResolvedPack => ({
    id: 'd',
    version: '1.0.0',
    chain: [{ id: 'd', version: '1.0.0', from: '2000-01-01' }],
    effective: { from: '2000-01-01' },
    catalogs: [
      {
        kind: 'catalog',
        id: 'd.catalog',
        version: '1.0.0',
        title: t('事实', 'Facts'),
        source: src,
        facts: [
          { id: 'answer', type: 'number', scope: 'item', title: t('回答', 'Answer') },
          { id: 'photos', type: 'integer', scope: 'item', title: t('照片', 'Photos') },
          ...Object.entries(types).map(([id, type]) => ({ id, type, scope: 'record' as const, title: t(id, id) })),
        ],
        conditions: [...named].map(([id, condition]) => ({ id, title: t(id, id), condition })),
      },
    ],
    hierarchies: [],
    checklists: [
      {
        kind: 'checklist',
        id: 'd.checklist',
        version: '1.0.0',
        title: t('清单', 'Checklist'),
        source: src,
        gridType: 'village',
        level: 'd.grid',
        items: items.map((it, i) => ({
          id: `d.${i}`,
          number: i + 1,
          text: t(`条目${i}`, `Item ${i}`),
          sector: 'fire',
          itemKind: 'check' as const,
          answer: 'number' as const,
          hazardWhen: it.hazard,
          severity: { default: 'general' as const, ...(it.major ? { majorWhen: it.major } : {}) },
          evidence: { photo: 'optional' as const },
          directToTownship: false,
          source: src,
        })),
      },
    ],
    standards: [],
    requirements: [],
    escalations: [],
    scorings: [],
    cases: [],
    provenance: new Map(),
  });
  const item = fc.record({
    hazard: fc
      .tuple(fc.integer({ min: 0, max: 4 }), condition)
      .map(([k, c]) => ({ any: [{ fact: 'answer', operator: 'greaterThan', value: k }, c] }) as TopLevelCondition),
    major: fc.option(condition, { nil: undefined }),
  });
  // Record facts of their declared types (as a record must give them), without the per-item facts.
  const recordFacts = factValues.map(({ answer: _a, photos: _p, ...f }) => ({ ...f, n: typeof f.n === 'number' ? f.n : 1 }));

  it('evaluatePatrol, compilePatrol (evaluate, summarize, evaluateBatch) in both modes, and evaluatePatrolAsync', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { minLength: 1, maxLength: 4 }),
        recordFacts,
        fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.nat(2), { minLength: 4, maxLength: 4 }),
        async (items, facts, answers, photos) => {
          const pack = packOf(items);
          const record = {
            id: 'r',
            gridId: 'g',
            gridType: 'village',
            workerId: 'w',
            at: '2026-03-01T09:00:00+08:00',
            answers: Object.fromEntries(items.flatMap((_, i) => (answers[i] === undefined ? [] : [[`d.${i}`, answers[i]]]))),
            photos: items.flatMap((_, i) =>
              Array.from({ length: photos[i] as number }, (_x, k) => ({ uri: `p${i}-${k}`, itemId: `d.${i}` })),
            ),
            facts,
          };
          const expected: number[] = [];
          for (const [i, it] of items.entries()) {
            const a = answers[i];
            const f = { ...facts, answer: a, photos: photos[i] };
            if (a === undefined || !(await oracle(it.hazard, f))) expected.push(0);
            else expected.push(it.major && (await oracle(it.major, f)) ? 2 : 1);
          }
          const codes = (r: E.Either<unknown, PatrolResult>) => {
            if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
            const out = items.map(() => 0);
            for (const x of r.right.findings) if (x.status === 'hazard') out[Number(x.item.slice(2))] = x.severity === 'major' ? 2 : 1;
            return out;
          };
          for (const mode of ['codegen', 'closure'] as const) {
            const e = compilePatrol(pack, { mode });
            expect(codes(evaluatePatrol(pack, record, { mode }))).toEqual(expected);
            expect(codes(e.evaluate(record))).toEqual(expected);
            expect(codes(e.summarize(record))).toEqual(expected);
            expect(codes(e.evaluateBatch([record]).results[0] as E.Either<unknown, PatrolResult>)).toEqual(expected);
            expect(codes(e.evaluateBatch([record], { findings: 'hazards' }).results[0] as E.Either<unknown, PatrolResult>)).toEqual(
              expected,
            );
          }
          expect(codes(await evaluatePatrolAsync(pack, record))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
