import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { checkSizing, type ResolvedPack, resolvePack, type SizedUnit } from '../src/index.js';
import { loadPackSet } from '../src/node.js';

const set = loadPackSet(new URL('../../../rules', import.meta.url).pathname);
if (E.isLeft(set)) throw new Error('rules/ does not load');
const pack = (id: string): ResolvedPack => {
  const r = resolvePack(set.right, id);
  if (E.isLeft(r)) throw new Error(`${id} does not resolve`);
  return r.right;
};
const xianyou = pack('xianyou');
const mudan = pack('mudan');

const right = (p: ResolvedPack, unit: SizedUnit) => {
  const r = checkSizing(p, unit);
  if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message.en).join('; '));
  return r.right;
};

describe('checkSizing', () => {
  it('a village grid of Xianyou holds 3–6 small grids (seed 004)', () => {
    const seven = right(xianyou, { id: 'v1', level: 'xianyou.level.village', counts: { smallGrids: 7 } });
    expect(seven.ok).toBe(false);
    expect(seven.rules).toHaveLength(1);
    expect(seven.rules[0]).toMatchObject({ id: 'xianyou.sizing.village-small-grids', status: 'above', value: 7, min: 3, max: 6 });
    expect(seven.rules[0]?.gap?.en).toBe('7 small grids, more than the 6 allowed');
    expect(seven.rules[0]?.source?.[0]?.seed).toBe('004');
    expect(right(xianyou, { id: 'v1', level: 'xianyou.level.village', counts: { smallGrids: 4 } }).ok).toBe(true);
    const unknown = right(xianyou, { id: 'v1', level: 'xianyou.level.village', counts: {} });
    expect(unknown.rules[0]?.status).toBe('unknown');
    expect(unknown.ok).toBe(true);
  });

  it('1,000 people or 300 households to a small grid is a standard: reported as a deviation, never failed', () => {
    const r = right(xianyou, { id: 'g1', level: 'xianyou.level.small-grid', counts: { people: 1200, households: 300 } });
    expect(r.ok).toBe(true);
    expect(r.rules.map((x) => [x.measure, x.status])).toEqual([
      ['people', 'guideline'],
      ['households', 'guideline'],
    ]);
    expect(r.rules[0]?.deviation).toBeCloseTo(0.2, 10);
    expect(r.rules[1]?.deviation).toBe(0);
  });

  it('a Mudan township office has 3–5 full-time inspectors (seed 001)', () => {
    const r = right(mudan, { id: 't1', level: 'mudan.level.township', counts: { fullTimeInspectors: 2 } });
    expect(r.ok).toBe(false);
    expect(r.rules[0]).toMatchObject({ status: 'below', gap: { zh: '专职安监员为 2，少于规定的 3' } });
  });

  it('an unknown level and a bad count are located issues', () => {
    const r = checkSizing(xianyou, { id: 'x', level: 'xianyou.level.vilage', counts: { smallGrids: -1, acres: 3 } as never }, 'units.json');
    expect(E.isLeft(r)).toBe(true);
    if (E.isLeft(r))
      expect(r.left.map((i) => [i.file, i.pointer, i.code])).toEqual([
        ['units.json', '/level', 'ref.unknown'],
        ['units.json', '/counts/smallGrids', 'codec.invalid'],
        ['units.json', '/counts/acres', 'codec.invalid'],
      ]);
  });

  it('property: any input at all gives a result or located issues, never a throw', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true }), (input) => {
        const r = checkSizing(xianyou, input as SizedUnit);
        if (E.isLeft(r)) expect(r.left.every((i) => typeof i.pointer === 'string')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('property: the status agrees with the bounds', () => {
    const levels = ['xianyou.level.village', 'xianyou.level.small-grid', 'xianyou.level.county', 'nowhere'];
    fc.assert(
      fc.property(
        fc.constantFrom(...levels),
        fc.dictionary(fc.constantFrom('smallGrids', 'people', 'households', 'acres'), fc.oneof(fc.nat(20), fc.double(), fc.anything())),
        (level, counts) => {
          const r = checkSizing(xianyou, { id: 'u', level, counts: counts as never });
          if (E.isLeft(r)) {
            expect(r.left.length).toBeGreaterThan(0);
            return;
          }
          for (const x of r.right.rules) {
            if (x.value === null) expect(x.status).toBe('unknown');
            else if (x.min !== undefined && x.value < x.min) expect(x.status).toBe('below');
            else if (x.max !== undefined && x.value > x.max) expect(x.status).toBe('above');
            else expect(['met', 'guideline']).toContain(x.status);
          }
          expect(r.right.ok).toBe(r.right.rules.every((x) => x.status !== 'below' && x.status !== 'above'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
