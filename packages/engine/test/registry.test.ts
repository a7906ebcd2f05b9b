import { readFileSync } from 'node:fs';
import type { OverlayOp } from '@gridsafe/schema';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { listRuleFiles } from '../../schema/src/node.js';
import { createRegistry, packSetFromFiles, type ResolvedPack, resolvePack } from '../src/index.js';
import { loadPackSet } from '../src/node.js';
import { baseFiles, manifest, packSet, source } from './fixtures.js';

const cite = [{ seed: '004', clause: '建立分级处理处置机制' }];
const ok = (r: E.Either<unknown, ResolvedPack>) => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left, null, 2));
  return r.right;
};
const drop = (target: string): OverlayOp => ({ op: 'remove', target, source: cite });

// Two versions of the parent and two of the child, changing on different days.
const b1 = source(manifest('b', '1.0.0', [], '2017-01-01', '2019-06-30'), baseFiles);
const b2 = source(manifest('b', '2.0.0', [], '2019-07-01', undefined, []), baseFiles);
const c1 = source(manifest('c', '1.0.0', ['b'], '2018-01-01', '2020-12-31', [drop('b.i1')]));
const c2 = source(manifest('c', '2.0.0', ['b'], '2021-01-01', undefined, [drop('b.i2')]));
const set = packSet(b1, b2, c1, c2);
const content = (p: ResolvedPack) => ({ id: p.id, version: p.version, chain: p.chain, checklists: p.checklists, effective: p.effective });

describe('createRegistry', () => {
  it('gives the pack in force on a date, one object per chain of versions', () => {
    const registry = createRegistry(set);
    const early = ok(registry.at('c', '2018-03-01'));
    expect(early.chain.map((c) => `${c.id}@${c.version}`)).toEqual(['b@1.0.0', 'c@1.0.0']);
    expect(ok(registry.at('c', '2019-06-30'))).toBe(early);
    expect(ok(registry.at('c', '2019-06-30T23:59:00+08:00'))).toBe(early);
    const mid = ok(registry.at('c', '2019-07-01'));
    expect(mid.chain.map((c) => `${c.id}@${c.version}`)).toEqual(['b@2.0.0', 'c@1.0.0']);
    expect(mid).not.toBe(early);
    const late = ok(registry.at('c', '2024-01-01'));
    expect(late.version).toBe('2.0.0');
    expect(late.checklists[0]?.items.map((i) => i.id)).toEqual(['b.i1', 'b.i3']);
    expect(early.checklists[0]?.items.map((i) => i.id)).toEqual(['b.i2', 'b.i3']);
  });

  it('gives a pinned version with its parents as in force on the day asked, within its own range', () => {
    const registry = createRegistry(set);
    const first = ok(registry.version('c', '1.0.0'));
    expect(first.chain.map((c) => `${c.id}@${c.version}`)).toEqual(['b@1.0.0', 'c@1.0.0']);
    // Opened in 2020: the parent then was b@2.0.0.
    const opened2020 = ok(registry.version('c', '1.0.0', '2020-05-01'));
    expect(opened2020.chain.map((c) => `${c.id}@${c.version}`)).toEqual(['b@2.0.0', 'c@1.0.0']);
    // The same chain as the pack in force that day: one resolution serves both questions.
    expect(opened2020).toBe(ok(registry.at('c', '2020-05-01')));
    // A date after the version's last day is moved to its last day: the pin still holds.
    expect(ok(registry.version('c', '1.0.0', '2030-01-01')).version).toBe('1.0.0');
    expect(ok(registry.version('c', '1.0.0', '2010-01-01'))).toBe(first);
  });

  it('reports unknown packs, versions, dates out of force and malformed dates as located issues', () => {
    const registry = createRegistry(set);
    const codes = (r: E.Either<{ code: string; pointer: string }[], unknown>) =>
      E.isLeft(r) ? r.left.map((i) => `${i.code} ${i.pointer}`) : [];
    expect(codes(registry.at('zz', '2020-01-01'))).toEqual(['ref.unknown /id']);
    expect(codes(registry.at('c', '2017-06-01'))).toEqual(['ref.unknown ']);
    expect(codes(registry.at('c', '2016-06-01'))).toEqual(['ref.unknown /date']);
    expect(codes(registry.at('c', '1 March 2020'))).toEqual(['schema.format /date']);
    expect(codes(registry.version('c', '9.9.9'))).toEqual(['ref.unknown /version']);
    expect(codes(registry.version('c', '1.0.0', 'soon'))).toEqual(['schema.format /date']);
    const e = registry.at('c', '2017-06-01');
    expect(E.isLeft(e) && e.left[0]?.message.en).toContain('c (in force on 2017-06-01)');
  });

  it('lists ids and versions, earliest first', () => {
    const registry = createRegistry(packSet(c2, b1, c1, b2));
    expect(registry.ids()).toEqual(['b', 'c']);
    expect(registry.versions('c').map((v) => [v.version, v.effective.from, v.extends])).toEqual([
      ['1.0.0', '2018-01-01', ['b']],
      ['2.0.0', '2021-01-01', ['b']],
    ]);
    expect(registry.versions('nope')).toEqual([]);
  });

  it('answers as resolvePack does on every date, and shares one object per chain (property)', () => {
    const registry = createRegistry(set);
    const seen = new Map<string, ResolvedPack>();
    const day = fc.integer({ min: Date.UTC(2016, 0, 1), max: Date.UTC(2025, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom('b', 'c'), (date, id) => {
        const got = registry.at(id, date);
        const want = resolvePack(set, id, { asOf: date });
        expect(got._tag).toBe(want._tag);
        if (E.isLeft(got) || E.isLeft(want)) return;
        expect(content(got.right)).toEqual(content(want.right));
        const key = got.right.chain.map((c) => `${c.id}@${c.version}`).join(',');
        const before = seen.get(key);
        if (before) expect(got.right).toBe(before);
        else seen.set(key, got.right);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws, whatever it is asked', () => {
    const registry = createRegistry(set);
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
        const r1 = registry.at(a as string, b as string);
        const r2 = registry.version(a as string, b as string, c as string);
        expect(['Left', 'Right']).toContain(r1._tag);
        expect(['Left', 'Right']).toContain(r2._tag);
        registry.versions(a as string);
      }),
    );
  });
});

describe('packSetFromFiles', () => {
  it('loads the seed packs from names and texts, as loadPackSet does from disk', () => {
    const { inputs } = listRuleFiles(['rules/']);
    const fromFiles = packSetFromFiles(inputs);
    const fromDisk = loadPackSet('rules/');
    expect(E.isRight(fromFiles) && E.isRight(fromDisk)).toBe(true);
    if (E.isLeft(fromFiles) || E.isLeft(fromDisk)) return;
    expect([...fromFiles.right.keys()].sort()).toEqual([...fromDisk.right.keys()].sort());
    const chibi = ok(resolvePack(fromFiles.right, 'chibi'));
    expect(content(chibi)).toEqual(content(ok(resolvePack(fromDisk.right, 'chibi'))));
  });

  it('refuses a set with an error, located in the file', () => {
    const text = readFileSync('rules/chibi/pack.json', 'utf8').replace('"version": "1.0.0"', '"version": 1');
    const r = packSetFromFiles([{ name: 'rules/chibi/pack.json', text }]);
    expect(E.isLeft(r) && r.left.some((i) => i.file === 'rules/chibi/pack.json' && i.pointer === '/version')).toBe(true);
  });
});
