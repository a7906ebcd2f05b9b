import type { RuleFile, TopLevelCondition } from '@gridsafe/schema';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { compileClosure, explain } from '../src/compile/closure.js';
import { generate, generateExplainers, instantiate, instantiateExplainers, toModuleSource } from '../src/compile/codegen.js';
import { literal } from '../src/compile/constants.js';
import { closureChecklist, generateChecklist, instantiateChecklist } from '../src/compile/kernel.js';
import { compilePatrol, evaluatePatrol, type PatrolResult, resolvePack } from '../src/index.js';
import { manifest, packSet, source } from './fixtures.js';

const PROTO_NAMES = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'] as const;
const src = [{ seed: '002', clause: '附件1' }];
const t = (zh: string, en: string) => ({ zh, en });

/** A pack whose facts and one item are named like Object.prototype members. */
const protoPack = (() => {
  const files: RuleFile[] = [
    {
      kind: 'catalog',
      id: 'p.catalog',
      version: '1.0.0',
      title: t('事实', 'Facts'),
      source: src,
      facts: [
        { id: 'answer', type: 'boolean', scope: 'item', title: t('回答', 'Answer') },
        ...PROTO_NAMES.map((id) => ({ id, type: 'boolean' as const, scope: 'record' as const, title: t(id, id) })),
        { id: 'site.x', type: 'boolean', scope: 'record', title: t('x', 'x') },
      ],
      sectors: [{ id: 'fire', title: t('消防', 'Fire') }],
    },
    {
      kind: 'checklist',
      id: 'p.checklist',
      version: '1.0.0',
      title: t('清单', 'Checklist'),
      source: src,
      gridType: 'village',
      level: 'p.grid',
      items: [
        ...PROTO_NAMES.map((fact, n) => ({ id: `p.${n}`, fact })),
        { id: 'constructor', fact: 'site.x' },
        { id: 'p.x', fact: 'site.x' },
      ].map(({ id, fact }, n) => ({
        id,
        number: n + 1,
        text: t(id, id),
        sector: 'fire',
        itemKind: 'check' as const,
        answer: 'boolean' as const,
        hazardWhen: {
          any: [
            { fact: 'answer', operator: 'equal' as const, value: true },
            { fact, operator: 'equal' as const, value: true },
          ],
        },
        severity: { default: 'general' as const },
        evidence: { photo: 'optional' as const },
        directToTownship: false,
        source: src,
      })),
    },
  ];
  const r = resolvePack(packSet(source(manifest('p', '1.0.0', [], '2017-01-01'), files)), 'p');
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  return r.right;
})();

const record = (answers: Record<string, boolean>, facts: Record<string, unknown>) => ({
  id: 'r',
  gridId: 'g',
  gridType: 'village',
  workerId: 'w',
  at: '2026-03-01T09:00:00+08:00',
  answers,
  photos: [],
  facts,
});
const statuses = (r: E.Either<unknown, PatrolResult>) => (E.isRight(r) ? r.right.findings.map((f) => `${f.item}:${f.status}`) : r.left);

describe('names of Object.prototype members', () => {
  it('facts named toString, valueOf, hasOwnProperty are read as given, and as absent when not given, in every mode', () => {
    const given = record({}, { toString: true, valueOf: false, hasOwnProperty: true });
    const absent = record({}, {});
    for (const mode of ['codegen', 'closure'] as const) {
      expect(statuses(evaluatePatrol(protoPack, given, { mode }))).toEqual([
        'p.0:notAnswered',
        'p.1:notAnswered',
        'p.2:notAnswered',
        'p.3:notAnswered',
        'p.4:notAnswered',
        'constructor:notAnswered',
        'p.x:notAnswered',
      ]);
      const answered = record(Object.fromEntries(['p.0', 'p.1', 'p.2', 'p.3', 'p.4', 'p.x'].map((k) => [k, false])), given.facts);
      expect(statuses(evaluatePatrol(protoPack, answered, { mode }))).toEqual([
        'p.0:hazard',
        'p.1:ok',
        'p.2:ok',
        'p.3:ok',
        'p.4:hazard',
        'constructor:notAnswered',
        'p.x:ok',
      ]);
      const none = record(answered.answers, absent.facts);
      expect(statuses(evaluatePatrol(protoPack, none, { mode }))).toEqual([
        'p.0:ok',
        'p.1:ok',
        'p.2:ok',
        'p.3:ok',
        'p.4:ok',
        'constructor:notAnswered',
        'p.x:ok',
      ]);
    }
  });

  it('an unanswered item with id constructor is not answered, and a given answer to it counts', () => {
    for (const mode of ['codegen', 'closure'] as const) {
      const r = evaluatePatrol(protoPack, record({}, {}), { mode });
      expect(E.isRight(r) && r.right.findings.find((f) => f.item === 'constructor')?.status).toBe('notAnswered');
      expect(E.isRight(r) && r.right.hazards).toBe(0);
    }
  });

  it('conditions on every such name agree across closures, generated code, kernels and explainers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROTO_NAMES), fc.option(fc.boolean(), { nil: undefined }), (name, value) => {
        const cond: TopLevelCondition = { any: [{ fact: name, operator: 'equal', value: true }] };
        const plain: Record<string, unknown> = value === undefined ? {} : JSON.parse(`{${JSON.stringify(name)}: ${value}}`);
        const facts = Object.assign(Object.create(null), plain);
        const expected = value === true;
        expect(compileClosure(cond, new Map())(facts)).toBe(expected);
        expect(compileClosure(cond, new Map())(plain)).toBe(expected);
        const [p] = instantiate(generate([cond], new Map()));
        expect(p?.(facts)).toBe(expected);
        expect(p?.(plain)).toBe(expected);
        const k = generateChecklist([{ hazard: cond }], new Map());
        const fv = k.slots.map((f) => (Object.hasOwn(plain, f) ? plain[f] : undefined));
        const out = new Uint8Array(2);
        instantiateChecklist(k)(fv, [true], [0], out, 0);
        closureChecklist([{ hazard: cond }], new Map(), k.slots)(fv, [true], [0], out, 1);
        expect([...out]).toEqual([Number(expected), Number(expected)]);
        const [x] = instantiateExplainers(generateExplainers([cond], new Map()));
        expect(x?.(plain)).toEqual(explain(cond, new Map(), facts));
      }),
    );
  });
});

describe('a polluted Object.prototype', () => {
  it('cannot make generated code run a string, nor stand in for a missing answer or fact', () => {
    const answers = { 'p.0': false, 'p.x': false };
    const { facts: _, ...bare } = record(answers, {});
    const expected = statuses(evaluatePatrol(protoPack, bare, { mode: 'closure' }));
    const proto = Object.prototype as Record<string, unknown>;
    const g = globalThis as { pwned?: unknown };
    const got: unknown[] = [];
    let predicate: boolean | undefined;
    try {
      proto['site.x'] = 'globalThis.pwned = 1, true';
      proto['p.1'] = true;
      proto.answer = true;
      for (const mode of ['codegen', 'closure'] as const) {
        // A fresh evaluator compiles after the pollution, so nothing cached hides it.
        got.push(statuses(compilePatrol(protoPack, { mode }).evaluate(bare)));
        got.push(statuses(evaluatePatrol(protoPack, bare, { mode })));
      }
      const [p] = instantiate(generate([{ all: [{ fact: 'site.x', operator: 'equal', value: true }] }], new Map()));
      predicate = p?.({});
    } finally {
      delete proto['site.x'];
      delete proto['p.1'];
      delete proto.answer;
    }
    expect(got).toEqual([expected, expected, expected, expected]);
    expect(predicate).toBe(false);
    expect(g.pwned).toBeUndefined();
  });
});

describe('constants enter generated code by index', () => {
  it('1e400 and -1e400 stay apart, as they do in closures', () => {
    const conds: TopLevelCondition[] = [
      { all: [{ fact: 'n', operator: 'greaterThan', value: JSON.parse('1e400') }] },
      { all: [{ fact: 'n', operator: 'greaterThan', value: JSON.parse('-1e400') }] },
      { all: [{ fact: 'n', operator: 'in', value: JSON.parse('[1e400, null]') }] },
      { all: [{ fact: 'n', operator: 'in', value: JSON.parse('[-1e400]') }] },
    ];
    const facts = { n: 5 };
    const closures = conds.map((c) => compileClosure(c, new Map())(facts));
    expect(closures).toEqual([false, true, false, false]);
    expect(instantiate(generate(conds, new Map())).map((p) => p(facts))).toEqual(closures);
    const inf = { n: Number.NEGATIVE_INFINITY };
    expect(instantiate(generate(conds, new Map())).map((p) => p(inf))).toEqual(conds.map((c) => compileClosure(c, new Map())(inf)));
    const k = generateChecklist(
      conds.map((hazard) => ({ hazard })),
      new Map(),
    );
    const out = new Uint8Array(4);
    instantiateChecklist(k)([5], [true, true, true, true], [0, 0, 0, 0], out, 0);
    expect([...out]).toEqual(closures.map(Number));
  });

  it('a precompiled module keeps every constant: literal() rebuilds what it is given', () => {
    const value = fc.jsonValue().chain((v) =>
      fc.constantFrom<unknown>(v, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, [Number.POSITIVE_INFINITY, -0], {
        __proto__x: 1,
      }),
    );
    fc.assert(
      fc.property(value, fc.string(), (v, s) => {
        const rebuilt = new Function(`return ${literal(v)};`)() as unknown;
        expect(Object.is(rebuilt, v) || JSON.stringify(rebuilt) === JSON.stringify(v)).toBe(true);
        if (typeof v === 'number') expect(Object.is(rebuilt, v)).toBe(true);
        expect(new Function(`return ${literal(s)};`)()).toBe(s);
      }),
    );
    const proto = new Function(`return ${literal(JSON.parse('{"__proto__": {"polluted": 1}, "a": [1e400]}'))};`)() as Record<
      string,
      unknown
    >;
    expect(Object.hasOwn(proto, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect((proto.a as number[])[0]).toBe(Number.POSITIVE_INFINITY);
    const mod = toModuleSource(generate([{ all: [{ fact: 'n', operator: 'lessThan', value: JSON.parse('-1e400') }] }], new Map()));
    expect(mod).toContain('const c = [');
    expect(mod).toContain('-Infinity');
  });
});
