// The fast ISO formatter behind due times gives exactly what Date#toISOString gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, calendarDays, workingDayCalendar } from '../src/index.js';
import { isoString } from '../src/time/iso.js';

const iso = (ms: number) => {
  try {
    return new Date(ms).toISOString();
  } catch (e) {
    return (e as Error).name;
  }
};
const fast = (ms: number) => {
  try {
    return isoString(ms);
  } catch (e) {
    return (e as Error).name;
  }
};

describe('isoString', () => {
  it('matches toISOString on random times, fractions of a millisecond included', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e14, max: 3e14, noNaN: true }), (ms) => {
        expect(fast(ms)).toBe(iso(ms));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 3e14 }), (ms) => {
        expect(fast(ms)).toBe(iso(ms));
      }),
      { numRuns: 20_000 },
    );
  });
  it('matches toISOString at the edges: day, leap-day, century and range boundaries', () => {
    const DAY = 86_400_000;
    const edges = [0, -1, -0.5, 0.5, 1, 951_782_400_000, 951_868_799_999, 4_107_542_399_999, 253_402_300_799_999, 253_402_300_800_000];
    for (let d = 0; d < 2_932_897; d += 97) edges.push(d * DAY, d * DAY - 1);
    for (const ms of [...edges, Number.NaN, Number.POSITIVE_INFINITY, 8.64e15, -8.64e15, 8.64e15 + 1]) expect(fast(ms)).toBe(iso(ms));
  });
  it('keeps addDuration as it was', () => {
    expect(addDuration('2026-03-06T09:00:00+08:00', 'P1D', calendarDays)).toBe('2026-03-07T01:00:00.000Z');
    expect(addDuration('2026-03-06T09:00:00+08:00', 'P1D', workingDayCalendar())).toBe('2026-03-09T01:00:00.000Z');
    expect(addDuration('2026-12-31T23:59:59.999Z', 'PT0.001S', calendarDays)).toBe(
      new Date(Date.parse('2027-01-01T00:00:00.000Z')).toISOString(),
    );
  });
});
