// Bad input comes back as located issues in zh and en, never a throw.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parsePeriod, parsePeriodOrThrow, score, subPeriods } from '../src/index.js';
import { pack, TREE } from './fixtures.js';

const xianyou = pack('xianyou');

describe('periods', () => {
  it.each([
    ['2026-07', 'month', '2026-07-01', '2026-07-31', 31],
    ['2026-Q3', 'quarter', '2026-07-01', '2026-09-30', 92],
    ['2024-Q1', 'quarter', '2024-01-01', '2024-03-31', 91],
    ['2026', 'year', '2026-01-01', '2026-12-31', 365],
  ])('%s', (text, kind, start, end, days) => {
    expect(parsePeriodOrThrow(text)).toMatchObject({ id: text, kind, start, end, days });
  });
  it('a quarter has three months', () =>
    expect(subPeriods(parsePeriodOrThrow('2026-Q4')).map((p) => p.id)).toEqual(['2026-10', '2026-11', '2026-12']));
  it.each(['2026-13', '2026-Q5', '26-07', '2026-7', '', 'July'])('rejects %j with a located issue', (text) => {
    const r = parsePeriod(text, 'options', '/period');
    expect(E.isLeft(r)).toBe(true);
    if (E.isLeft(r)) {
      expect(r.left[0]).toMatchObject({ code: 'codec.invalid', file: 'options', pointer: '/period' });
      expect(r.left[0]?.message.zh).toBeTruthy();
      expect(r.left[0]?.message.en).toContain('YYYY-Qn');
    }
  });
  it('parsePeriodOrThrow throws for callers who prefer it', () => expect(() => parsePeriodOrThrow('2026-00')).toThrow(/period/));
});

describe('score input', () => {
  const issues = async (records: unknown[], options: Parameters<typeof score>[2]) => {
    const r = await score(xianyou, records, options);
    return E.isLeft(r) ? r.left : [];
  };
  it('a bad period', async () => {
    expect(await issues(TREE, { period: '2026-Q0' })).toMatchObject([{ code: 'codec.invalid', file: 'options', pointer: '/period' }]);
  });
  it('a period the scoring file does not assess', async () => {
    const jgj = pack('jianguanju');
    const r = await score(jgj, [], { period: '2026-W01' });
    expect(E.isLeft(r)).toBe(true);
  });
  it('a record failing its codec, located at the field', async () => {
    const bad = [
      ...TREE,
      { type: 'hazard', unit: 'v1', date: '2026-07-32', tier: 'general', state: 'open' },
      { type: 'patrol', unit: 'v1', date: '2026-07-01', status: 'late' },
    ];
    const found = await issues(bad, { period: '2026-07', name: 'july.ndjson' });
    expect(found.map((i) => [i.file, i.pointer, i.code])).toEqual([
      ['july.ndjson', '/3/date', 'codec.invalid'],
      ['july.ndjson', '/4/status', 'codec.invalid'],
    ]);
  });
  it('an unknown record type and a non-object', async () => {
    const found = await issues([...TREE, { type: 'gossip', unit: 'v1' }, 42], { period: '2026-07' });
    expect(found.map((i) => i.pointer)).toEqual(['/3/type', '/4']);
  });
  it('a fact the catalogue does not declare, or of the wrong type', async () => {
    const found = await issues(
      [
        ...TREE,
        { type: 'fact', unit: 'v1', date: '2026-07-01', fact: 'nope', value: 1 },
        { type: 'fact', unit: 'v1', date: '2026-07-01', fact: 'archive.compiled', value: 3 },
      ],
      { period: '2026-07' },
    );
    expect(found.map((i) => i.pointer)).toEqual(['/3/fact', '/4/value']);
  });
  it('a record naming an undeclared unit, and a parent that does not exist', async () => {
    const found = await issues(
      [
        ...TREE,
        { type: 'unit', id: 'v2', level: 'xianyou.level.village', parent: 'ghost' },
        { type: 'info', unit: 'v9', date: '2026-07-01' },
      ],
      { period: '2026-07' },
    );
    expect(found.map((i) => i.pointer).sort()).toEqual(['/3/parent', '/4/unit']);
  });
  it('an unknown focus unit', async () => {
    expect(await issues(TREE, { period: '2026-07', unit: 'nowhere' })).toMatchObject([{ pointer: '/unit' }]);
  });
  it('records outside the period are counted, not scored', async () => {
    const r = await score(xianyou, [...TREE, { type: 'info', unit: 'v1', date: '2026-08-01' }], { period: '2026-07' });
    expect(E.isRight(r) && r.right.records).toEqual({ read: 1, outsidePeriod: 1, units: 3 });
  });
});
