import type { OverlayOp } from '@gridsafe/schema';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createResolver, evaluatePatrol, explainProvenance, type ResolvedPack, resolvePack } from '../src/index.js';
import { base, manifest, packSet, source } from './fixtures.js';

const cite = [{ seed: '004', clause: '建立分级处理处置机制' }];
const ok = (r: E.Either<unknown, ResolvedPack>) => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left, null, 2));
  return r.right;
};
const child = (overlays: OverlayOp[], version = '1.0.0', from = '2018-01-01', to?: string) =>
  source(manifest('c', version, ['b'], from, to, overlays));

describe('resolvePack', () => {
  it('adds, removes, modifies and sets parameters, with provenance', () => {
    const overlays: OverlayOp[] = [
      {
        op: 'add',
        into: 'b.checklist',
        element: {
          id: 'c.i9',
          number: 9,
          text: { zh: '新增', en: 'Added' },
          sector: 'fireworks',
          itemKind: 'check',
          answer: 'boolean',
          hazardWhen: { all: [{ fact: 'answer', operator: 'equal', value: true }] },
          severity: { default: 'general' },
          evidence: { photo: 'none' },
          directToTownship: false,
        },
        source: cite,
      },
      { op: 'remove', target: 'b.i2', source: cite },
      { op: 'modify', target: 'b.i1', set: { lookFor: { zh: '看仓库', en: 'Look in stores' } }, source: cite },
      { op: 'setParameter', target: 'b.r2', parameter: 'weight', value: 5, localDefault: true, reason: { zh: '本地', en: 'local' } },
    ];
    const pack = ok(resolvePack(packSet(base(), child(overlays)), 'c'));
    const checklist = pack.checklists[0];
    expect(checklist?.items.map((i) => i.id)).toEqual(['b.i1', 'b.i3', 'c.i9']);
    expect(checklist?.items[0]?.lookFor?.en).toBe('Look in stores');
    expect(pack.standards[0]?.requirements[1]?.weight).toBe(5);
    expect(pack.chain.map((c) => c.id)).toEqual(['b', 'c']);
    expect(explainProvenance(pack, 'b.i1').map((s) => [s.pack, s.op, s.file])).toEqual([
      ['b', 'define', 'b/b.checklist.json'],
      ['c', 'modify', 'c/pack.json'],
    ]);
    expect(explainProvenance(pack, 'b.i1')[0]?.source).toEqual([{ seed: '002', clause: '附件1' }]);
    expect(explainProvenance(pack, 'b.r2')[1]).toMatchObject({ op: 'setParameter', fields: ['weight'], localDefault: true });
    expect(explainProvenance(pack, 'c.i9')).toEqual([expect.objectContaining({ pack: 'c', op: 'add', source: cite })]);
    expect(explainProvenance(pack, 'b.i2').at(-1)?.op).toBe('remove');
  });

  it('refuses to remove or weaken a locked element, with a located error naming both files', () => {
    const removed = resolvePack(packSet(base(), child([{ op: 'remove', target: 'b.i3', source: cite }])), 'c');
    expect(E.isLeft(removed)).toBe(true);
    if (E.isLeft(removed)) {
      expect(removed.left[0]).toMatchObject({
        code: 'pack.lockedElement',
        file: 'c/pack.json',
        pointer: '/overlays/0',
        params: { target: 'b.i3', definedIn: 'b/b.checklist.json' },
      });
      expect(removed.left[0]?.line).toBeGreaterThan(1);
    }
    const weakened = resolvePack(
      packSet(base(), child([{ op: 'setParameter', target: 'b.r2', parameter: 'weight', value: 1, source: cite }])),
      'c',
    );
    expect(E.isLeft(weakened) && weakened.left[0]?.code).toBe('pack.lockedElement');
    const strengthened = resolvePack(
      packSet(base(), child([{ op: 'setParameter', target: 'b.r2', parameter: 'weight', value: 4, source: cite }])),
      'c',
    );
    expect(E.isRight(strengthened)).toBe(true);
  });

  it('uses the versions in force on the date asked', () => {
    const v1 = child([], '1.0.0', '2017-10-17', '2019-12-31');
    const v2 = child([{ op: 'remove', target: 'b.i1', source: cite }], '2.0.0', '2020-01-01');
    const set = packSet(base(), v1, v2);
    expect(ok(resolvePack(set, 'c', { asOf: '2018-03-01' })).version).toBe('1.0.0');
    expect(ok(resolvePack(set, 'c', { asOf: '2018-03-01' })).checklists[0]?.items).toHaveLength(3);
    expect(ok(resolvePack(set, 'c', { asOf: '2021-06-01' })).checklists[0]?.items).toHaveLength(2);
    expect(ok(resolvePack(set, 'c')).version).toBe('2.0.0');
    const none = resolvePack(set, 'c', { asOf: '2010-01-01' });
    expect(E.isLeft(none)).toBe(true);
  });

  it('judges each record by the rules in force on its own day', () => {
    const v1 = child([], '1.0.0', '2017-10-17', '2019-12-31');
    const v2 = child([{ op: 'remove', target: 'b.i1', source: cite }], '2.0.0', '2020-01-01');
    const resolver = createResolver(packSet(base(), v1, v2));
    const record = (at: string) => ({
      id: 'r',
      gridId: 'g',
      gridType: 'village',
      workerId: 'w',
      at,
      answers: { 'b.i1': true },
      photos: [],
    });
    const old = ok(resolver.at('c', '2018-03-01'));
    expect(old.version).toBe('1.0.0');
    // Two dates under the same versions share one resolved pack (and its compiled conditions).
    expect(ok(resolver.at('c', '2019-06-30'))).toBe(old);
    const current = ok(resolver.at('c', '2021-06-01'));
    expect(current.version).toBe('2.0.0');
    const r2018 = evaluatePatrol(old, record('2018-03-01T10:00:00+08:00'));
    expect(E.isRight(r2018) && r2018.right.hazards).toBe(1);
    // b.i1 was removed in 2.0.0: the same answer is an unknown item under the rules of 2021.
    const r2021 = evaluatePatrol(current, record('2021-06-01T10:00:00+08:00'));
    expect(E.isLeft(r2021) && r2021.left.map((i) => i.code)).toEqual(['ref.unknown']);
    // A record judged by a pack not in force on its day is refused, not silently misjudged.
    const wrong = evaluatePatrol(old, record('2021-06-01T10:00:00+08:00'));
    expect(E.isLeft(wrong) && wrong.left.map((i) => `${i.pointer} ${i.message.en}`)).toEqual([
      '/at pack c@1.0.0 is in force from 2017-10-17 to 2019-12-31, not on 2021-06-01: resolve the pack as of that date',
    ]);
    expect(E.isLeft(resolver.at('c', '2010-01-01'))).toBe(true);
  });

  it('reports unknown parents, cycles and two versions in force on one day', () => {
    const orphan = resolvePack(packSet(child([])), 'c');
    expect(E.isLeft(orphan) && orphan.left.map((i) => i.code)).toEqual(['ref.unknown']);
    const a = source(manifest('a', '1.0.0', ['z'], '2017-01-01'));
    const z = source(manifest('z', '1.0.0', ['a'], '2017-01-01'));
    const cycle = resolvePack(packSet(a, z), 'a');
    expect(E.isLeft(cycle) && cycle.left.map((i) => i.code)).toEqual(['pack.extendsCycle']);
    const twice = resolvePack(packSet(base(), child([], '1.0.0', '2018-01-01'), child([], '1.1.0', '2018-06-01')), 'c', {
      asOf: '2018-07-01',
    });
    expect(E.isLeft(twice) && twice.left.map((i) => i.code)).toEqual(['pack.effectiveOverlap']);
  });

  it('never changes its inputs', () => {
    const set = packSet(base(), child([{ op: 'remove', target: 'b.i1', source: cite }]));
    const before = JSON.stringify([...set.values()]);
    ok(resolvePack(set, 'c'));
    expect(JSON.stringify([...set.values()])).toBe(before);
  });
});

// Operations on distinct elements, so any two of them are unrelated.
const unrelatedOps: OverlayOp[] = [
  { op: 'remove', target: 'b.i2', source: cite },
  { op: 'modify', target: 'b.i1', set: { lookFor: { zh: '看', en: 'look' } }, source: cite },
  { op: 'setParameter', target: 'b.r2', parameter: 'weight', value: 7, source: cite },
  { op: 'setParameter', target: 'b.standard', parameter: 'passMark', value: 0.9, source: cite },
  { op: 'modify', target: 'b.r1', set: { weight: 2 }, source: cite },
];
const comparable = (p: ResolvedPack) => JSON.stringify({ ...p, provenance: [...p.provenance.keys()].sort() });

describe('resolution laws', () => {
  it('resolving twice equals resolving once', () => {
    fc.assert(
      fc.property(fc.subarray(unrelatedOps), (ops) => {
        const set = packSet(base(), child(ops));
        expect(comparable(ok(resolvePack(set, 'c')))).toBe(comparable(ok(resolvePack(set, 'c'))));
      }),
    );
  });

  it('the order of unrelated operations does not matter', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(unrelatedOps), (ops) => {
        const a = ok(resolvePack(packSet(base(), child(ops)), 'c'));
        const b = ok(resolvePack(packSet(base(), child([...ops].reverse())), 'c'));
        const strip = (p: ResolvedPack) => JSON.stringify({ checklists: p.checklists, standards: p.standards, catalogs: p.catalogs });
        expect(strip(a)).toBe(strip(b));
      }),
    );
  });

  it('an empty overlay leaves the pack unchanged', () => {
    const parent = ok(resolvePack(packSet(base()), 'b'));
    const withEmpty = ok(resolvePack(packSet(base(), child([])), 'c'));
    for (const key of ['catalogs', 'checklists', 'standards', 'hierarchies', 'escalations'] as const) {
      expect(withEmpty[key]).toEqual(parent[key]);
    }
  });
});
