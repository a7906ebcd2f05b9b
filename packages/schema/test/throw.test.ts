import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decode, decodeOrThrow, GridsafeError, orThrow, StationFacts } from '../src/index.js';

const bad = { stationId: '', date: '2026-02-30', facts: {} };

describe('orThrow, for callers who prefer exceptions', () => {
  it('returns the value of a Right unchanged', () => {
    const value = { stationId: 's1', date: '2026-03-01', facts: { 'station.hasOffice': true } };
    expect(orThrow(decode(StationFacts, value))).toBe(value);
  });

  it('throws a GridsafeError carrying exactly the issues of the Left', () => {
    const result = decode(StationFacts, bad, 'station.json');
    expect(E.isLeft(result)).toBe(true);
    const issues = E.isLeft(result) ? result.left : [];
    let thrown: unknown;
    try {
      orThrow(result);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(GridsafeError);
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as GridsafeError).issues).toEqual(issues);
    expect((thrown as GridsafeError).issues.map((i) => i.pointer).sort()).toEqual(['/date', '/stationId']);
  });

  it('renders every issue, located, in the chosen language', () => {
    expect(() => orThrow(decode(StationFacts, bad, 'station.json'))).toThrowErrorMatchingInlineSnapshot(`
      [GridsafeError: station.json:0:0 error expected NonEmpty (found "") [codec.invalid /stationId]
      station.json:0:0 error expected IsoDate (found "2026-02-30") [codec.invalid /date]]
    `);
    expect(() => orThrow(decode(StationFacts, bad, 'station.json'), 'zh')).toThrow(/station\.json.*\/stationId/);
    expect(() => decodeOrThrow(StationFacts, bad, 'station.json')).toThrow(GridsafeError);
  });
});

describe('orThrow on problems without a location', () => {
  it('renders the code and the message in the chosen language', () => {
    const problem = { code: 'escalation.noPolicy', message: { zh: '规则包没有报送处置政策', en: 'the pack has no escalation policy' } };
    const left = E.left([problem]) as E.Either<(typeof problem)[], number>;
    expect(() => orThrow(left)).toThrow('the pack has no escalation policy [escalation.noPolicy]');
    expect(() => orThrow(left, 'zh')).toThrow('规则包没有报送处置政策 [escalation.noPolicy]');
    let thrown: unknown;
    try {
      orThrow(left);
    } catch (e) {
      thrown = e;
    }
    expect((thrown as GridsafeError<typeof problem>).issues).toEqual([problem]);
  });
});
