import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoDate, IsoDateTime, isIsoDate, isIsoDateTime } from '../src/index.js';

// The check these replace: a regular expression, then `Date` for the calendar and the clock.
const viaDate = (s: string) => {
  const d = new Date(`${s.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s.slice(0, 10);
};
const oldDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && viaDate(s);
const oldDateTime = (s: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(s) && viaDate(s) && !Number.isNaN(Date.parse(s));

const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
const near = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((x) => String(x).padStart(2, '0'));
// Strings shaped like date-times, each slot sometimes out of range or malformed.
const shaped = fc
  .record({
    y: fc.oneof(digits(4), fc.constantFrom('2000', '1900', '2024', '2100', '0000', '9999', '20a6')),
    mo: fc.oneof(near(0, 13), digits(2)),
    d: fc.oneof(near(0, 32), digits(2)),
    h: fc.oneof(near(0, 25), digits(2)),
    mi: fc.oneof(near(0, 60), digits(2)),
    s: fc.oneof(near(0, 61), digits(2)),
    frac: fc.constantFrom('', '.5', '.12', '.123', '.1234', '.', '.x'),
    zone: fc.oneof(
      fc.constantFrom('Z', 'z', '', '+08', '+0800', '-00:00'),
      fc.tuple(fc.constantFrom('+', '-'), near(0, 25), near(0, 60)).map(([s, h, m]) => `${s}${h}:${m}`),
    ),
    sep: fc.constantFrom('T', 'T', 'T', 't', ' '),
  })
  .map(({ y, mo, d, h, mi, s, frac, zone, sep }) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${frac}${zone}`);

describe('isIsoDateTime and isIsoDate, written by hand', () => {
  it('agree with the regular expression and Date on shaped and random strings, hour 24 apart', () => {
    fc.assert(
      fc.property(fc.oneof(shaped, fc.string(), fc.string({ unit: 'binary' })), (s) => {
        // RFC 3339 has no 24:00; `Date` takes `24:00:00` as the next midnight. Nothing else differs.
        const expected = oldDateTime(s) && s.slice(11, 13) !== '24';
        expect(isIsoDateTime(s)).toBe(expected);
        expect(IsoDateTime.is(s)).toBe(expected);
        expect(isIsoDate(s.slice(0, 10))).toBe(oldDate(s.slice(0, 10)));
        expect(IsoDate.is(s.slice(0, 10))).toBe(oldDate(s.slice(0, 10)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('refuses dates that do not exist and clocks out of range', () => {
    for (const bad of [
      '2026-02-30T10:00:00Z',
      '2026-02-29T10:00:00Z',
      '1900-02-29T10:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-03-01T24:00:00Z',
      '2026-03-01T23:60:00Z',
      '2026-03-01T23:59:60Z',
      '2026-03-01T10:00:00+24:00',
      '2026-03-01T10:00:00.1234Z',
      '2026-03-01T10:00:00',
      '2026-03-01 10:00:00Z',
      '２０２６-03-01T10:00:00Z',
    ])
      expect([bad, isIsoDateTime(bad)]).toEqual([bad, false]);
    for (const good of [
      '2024-02-29T10:00:00Z',
      '2000-02-29T00:00:00.5+08:00',
      '0000-01-01T00:00:00-00:00',
      '9999-12-31T23:59:59.999+23:59',
    ])
      expect([good, isIsoDateTime(good)]).toEqual([good, true]);
  });
});
