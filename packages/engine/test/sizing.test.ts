import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { seedPack } from '../../../test/seed-packs.js';
import { checkSizing, type ResolvedPack, type SizedUnit } from '../src/index.js';

const pack = seedPack;
const xianyou = pack('xianyou');
const mudan = pack('mudan');

const right = (p: ResolvedPack, unit: SizedUnit) => {
  const r = checkSizing(p, unit);
  if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message.en).join('; '));
  return r.right;
};

describe('checkSizing', () => {
  const bangtou = ['xianyou.place.bangtou'];
  const smallGrids = (r: { rules: { id: string }[] }) => r.rules.find((x) => x.id === 'xianyou.sizing.village-small-grids');

  it('a village grid of Bangtou town holds 3–6 small grids (seed 004, that town only)', () => {
    const seven = right(xianyou, { id: 'v1', level: 'xianyou.level.village', places: bangtou, counts: { smallGrids: 7 } });
    expect(seven.ok).toBe(false);
    expect(smallGrids(seven)).toMatchObject({ status: 'above', value: 7, min: 3, max: 6, scope: bangtou });
    expect((smallGrids(seven) as { gap?: { en: string } }).gap?.en).toBe('7 small grids, more than the 6 allowed');
    expect(seven.rules[0]?.source?.[0]?.seed).toBe('004');
    expect(right(xianyou, { id: 'v1', level: 'xianyou.level.village', places: bangtou, counts: { smallGrids: 4 } }).ok).toBe(true);
    const unknown = right(xianyou, { id: 'v1', level: 'xianyou.level.village', places: bangtou, counts: {} });
    expect(smallGrids(unknown)).toMatchObject({ status: 'unknown' });
    expect(unknown.ok).toBe(true);
  });

  it("Bangtou's standard does not hold in another town, and a unit that does not say where it lies is told so", () => {
    const elsewhere = right(xianyou, {
      id: 'v2',
      level: 'xianyou.level.village',
      places: ['xianyou.place.licheng'],
      counts: { smallGrids: 9 },
    });
    expect(elsewhere.rules).toEqual([]);
    expect(elsewhere.outOfScope).toEqual(['xianyou.sizing.village-small-grids', 'xianyou.sizing.info-clerk-per-village']);
    expect(elsewhere.ok).toBe(true);
    const nowhere = right(xianyou, { id: 'v3', level: 'xianyou.level.village', counts: { smallGrids: 9 } });
    expect(nowhere.rules.map((x) => x.status)).toEqual(['placeUnknown', 'placeUnknown']);
    expect(nowhere.ok).toBe(true);
  });

  it('one full-time information clerk per village: the split is needed, a bare number is unknown', () => {
    const clerks = (holders: SizedUnit['holders']) =>
      right(xianyou, { id: 'v1', level: 'xianyou.level.village', places: bangtou, holders }).rules.find(
        (x) => x.id === 'xianyou.sizing.info-clerk-per-village',
      );
    expect(clerks({ 'xianyou.role.info-clerk': { fullTime: 1, partTime: 2 } })).toMatchObject({
      status: 'met',
      value: 1,
      employment: 'fullTime',
    });
    expect(clerks({ 'xianyou.role.info-clerk': { fullTime: 2 } })).toMatchObject({
      status: 'above',
      gap: { zh: '村级专职网格信息录入员为 2，多于规定的 1', en: '2 Village full-time grid data clerk, more than the 1 allowed' },
    });
    expect(clerks({ 'xianyou.role.info-clerk': 1 })).toMatchObject({ status: 'unknown', value: null });
    expect(clerks({})).toMatchObject({ status: 'unknown' });
  });

  it('a count of units of a level: the construction bureau has ten level-3 grids (seed 003)', () => {
    const bureau = pack('jianguanju');
    const r = right(bureau, { id: 'b', level: 'jianguanju.level.bureau', units: { 'jianguanju.level.unit': 9 } });
    expect(r.rules.map((x) => [x.id, x.measure, x.of, x.status, x.value])).toEqual([
      ['jianguanju.sizing.third-level-grids', 'units', 'jianguanju.level.unit', 'guideline', 9],
    ]);
    expect(r.rules[0]?.deviation).toBeCloseTo(-0.1, 10);
  });

  it('bad holders and units are located issues', () => {
    const r = checkSizing(
      xianyou,
      { id: 'x', level: 'xianyou.level.village', holders: { a: { fullTime: -1, both: 2 } }, units: { b: 'x' } } as never,
      'u.json',
    );
    expect(E.isLeft(r) && r.left.map((i) => i.pointer)).toEqual(['/holders/a/fullTime', '/holders/a/both', '/units/b']);
  });

  it('1,000 people or 300 households to a small grid is a standard: reported as a deviation, never failed', () => {
    const r = right(xianyou, { id: 'g1', level: 'xianyou.level.small-grid', places: bangtou, counts: { people: 1200, households: 300 } });
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
        fc.boolean(),
        (level, counts, inBangtou) => {
          const r = checkSizing(xianyou, { id: 'u', level, counts: counts as never, ...(inBangtou ? { places: bangtou } : {}) });
          if (E.isLeft(r)) {
            expect(r.left.length).toBeGreaterThan(0);
            return;
          }
          for (const x of r.right.rules) {
            if (x.scope && !inBangtou) expect(x.status).toBe('placeUnknown');
            else if (x.value === null) expect(x.status).toBe('unknown');
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
