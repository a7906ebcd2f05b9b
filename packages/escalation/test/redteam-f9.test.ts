// Red-team finding F9 (reviews/redteam-2026-12-01.md): transition and friends threw instead of
// rejecting. Every one of these inputs is now data: a rejection (with its record for the host's log),
// an empty list or undefined, never a thrown error, and the case is unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  allowedEvents,
  type CaseSnapshot,
  calendarDays,
  decodeCase,
  dueCases,
  type EscalationEvent,
  isFinal,
  nextDeadline,
  openCase,
  parseInstant,
  transition,
} from '../src/index.js';
import { machineOf } from './fixtures.js';

const m = machineOf('xianyou');
const GW = 'xianyou.tier.grid-worker';
const opened = openCase(m, 'f9', {
  id: 'r1',
  at: '2026-03-02T09:00:00+08:00',
  actor: 'chen',
  role: GW,
  grade: 'general',
  photos: ['p.jpg'],
}).snapshot;
const accept = (extra: Record<string, unknown> = {}) =>
  ({
    type: 'ESCALATE',
    id: 'e2',
    at: '2026-03-02T10:00:00+08:00',
    actor: 'chen',
    role: GW,
    reason: 'xianyou.reason.report',
    ...extra,
  }) as EscalationEvent;

function rejects(c: unknown, e: unknown) {
  const r = transition(m, c as CaseSnapshot, e as EscalationEvent);
  expect(r.snapshot).toBe(c);
  expect(r.effects).toEqual([]);
  expect(r.rejected).toBeDefined();
  // The record the host appends: plain JSON, whatever the event held.
  expect(JSON.parse(JSON.stringify(r.entry))).toEqual(r.entry);
  expect(r.entry?.code).toBe(r.rejected?.code);
  return r.rejected as NonNullable<typeof r.rejected>;
}

describe('F9: events that are not events are rejected as data', () => {
  it('null, undefined, a number, an array', () => {
    for (const e of [null, undefined, 42, [], 'REPORT'])
      expect(rejects(opened, e)).toMatchObject({ code: 'escalation.badEvent', params: { field: '' }, event: { id: '', type: '' } });
  });
  it('a type that is an object, an unknown type, a missing id', () => {
    expect(rejects(opened, accept({ type: { toString: 1 } })).params).toMatchObject({ field: 'type' });
    expect(rejects(opened, accept({ type: 'PROMOTE' })).params).toMatchObject({ field: 'type' });
    expect(rejects(opened, accept({ id: 7 })).params).toMatchObject({ field: 'id' });
    expect(rejects(opened, accept({ role: null })).params).toMatchObject({ field: 'role' });
  });
  it('event times are real RFC 3339 instants: "March 7, 2026", "2027", "2026-02-30T10:00:00Z", +275760-… are rejected', () => {
    for (const at of [
      'March 7, 2026',
      '2027',
      '2026-02-30T10:00:00Z',
      '+275760-09-13T00:00:00Z',
      '2026-03-02T10:00:00',
      '2026-03-02',
      12,
      null,
    ]) {
      const r = rejects(opened, accept({ at }));
      expect(r.code).toBe('escalation.badEvent');
      expect(r.params).toMatchObject({ field: 'at' });
      expect(r.message.en).toContain('RFC 3339');
    }
    // REPORT at the edge of the representable range: its due time would fall after 9999.
    const late = openCase(m, 'late', { id: 'r', at: '9999-12-31T20:00:00Z', actor: 'chen', role: GW, photos: ['p'] });
    expect(late.rejected?.code).toBe('escalation.badEvent');
    expect(late.rejected?.params).toMatchObject({ field: 'at' });
  });
  it('an extension to a time that is not an instant', () => {
    let c = transition(m, opened, accept()).snapshot;
    c = transition(m, c, { type: 'ACCEPT', id: 'a', at: '2026-03-02T11:00:00+08:00', actor: 'v', role: 'xianyou.tier.village' }).snapshot;
    for (const until of ['March 9, 2026', '2026-02-30T10:00:00Z', 2027])
      expect(
        rejects(c, {
          type: 'REQUEST_EXTENSION',
          id: 'x',
          at: '2026-03-02T12:00:00+08:00',
          actor: 'v',
          role: 'xianyou.tier.village',
          until,
          reason: 'r',
        }).code,
      ).toBe('escalation.extensionNotLater');
  });
});

describe('F9: case rows are decoded and checked before use', () => {
  const rows: [string, unknown][] = [
    ['null', null],
    ['{}', {}],
    ['missing pack', { ...opened, pack: undefined }],
    ['audit null', { ...opened, audit: null }],
    ['audit not an array', { ...opened, audit: { 0: opened.audit[0] } }],
    ['audit [null]', { ...opened, audit: [null] }],
    ['an unknown format', { ...opened, format: 'gridsafe.case/9' }],
    ['a bad grade', { ...opened, grade: 3 }],
    ['a string path', { ...opened, path: 'xianyou.tier.grid-worker' }],
    ['a string rework', { ...opened, rework: '0' }],
    ['a due time that is not an instant', { ...opened, due: { at: 'March 7, 2026', state: 'grid-worker.assign' } }],
  ];
  it.each(rows)('%s: rejected with the field and what it must be', (_name, row) => {
    const r = rejects(row, accept());
    expect(r.code).toBe('escalation.badCase');
    expect(r.message.zh).toContain('存储的案件数据无效');
    expect(decodeCase(row)._tag).toBe('Left');
  });
  it.each(rows)('%s: dueCases, allowedEvents and nextDeadline give nothing', (_name, row) => {
    expect(dueCases([row as CaseSnapshot], '2030-01-01T00:00:00Z')).toEqual([]);
    expect(allowedEvents(m, row as CaseSnapshot)).toEqual([]);
    expect(nextDeadline(row as CaseSnapshot)).toBeUndefined();
    expect(isFinal(row as CaseSnapshot)).toBe(false);
  });
  it('dueCases with a time that is not an instant, or rows that are not a list', () => {
    expect(dueCases([opened], 'soon')).toEqual([]);
    expect(dueCases(null as never, '2030-01-01T00:00:00Z')).toEqual([]);
    expect(dueCases([opened], '2030-01-01T00:00:00Z')).toEqual([opened]);
  });
  it('a row of the earlier format is upgraded, not refused', () => {
    const { kind: _k, grade, format: _f, ...rest } = opened;
    const v1 = { ...rest, format: 'gridsafe.case/1', severity: grade };
    const r = transition(m, v1 as never, accept());
    expect(r.rejected).toBeUndefined();
    expect(r.snapshot).toMatchObject({ format: 'gridsafe.case/2', kind: 'hazard', grade: 'general', owner: 'xianyou.tier.village' });
  });
  it('a machine that is not one', () => {
    for (const machine of [null, {}, { root: {} }, 'machine'])
      expect(transition(machine as never, opened, accept()).rejected?.code).toBe('escalation.notMachine');
    expect(allowedEvents(null as never, opened)).toEqual([]);
  });
});

describe('F9: never throws, on any input', () => {
  it('transition, allowedEvents, nextDeadline, dueCases and decodeCase on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (row, e) => {
        const r = transition(m, row as CaseSnapshot, e as EscalationEvent);
        expect(r.snapshot).toBe(row);
        allowedEvents(m, row as CaseSnapshot);
        nextDeadline(row as CaseSnapshot);
        dueCases([row as CaseSnapshot], '2026-01-01T00:00:00Z');
        decodeCase(row);
      }),
      { numRuns: 500 },
    );
  });
  it('arbitrary events on a real case: rejected or applied, the case always a case', () => {
    const field = fc.oneof(
      fc.anything(),
      fc.constantFrom('2026-03-02T10:00:00+08:00', GW, 'xianyou.reason.report', 'xianyou.tier.township'),
    );
    fc.assert(
      fc.property(
        fc.record({ type: fc.oneof(fc.constantFrom('ESCALATE', 'DEADLINE', 'REPORT', 'RESOLVE', 'FORWARD', 'GRADE'), fc.anything()) }),
        fc.dictionary(fc.constantFrom('id', 'at', 'actor', 'role', 'reason', 'to', 'grade', 'lead', 'evidence', 'photos'), field),
        (t, rest) => {
          const r = transition(m, opened, { ...rest, ...t } as never);
          expect(decodeCase(JSON.parse(JSON.stringify(r.snapshot)))._tag).toBe('Right');
        },
      ),
      { numRuns: 500 },
    );
  });
  it('parseInstant agrees with Date.parse on RFC 3339 times and refuses what is not one', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0100-01-02T00:00:00Z'), max: new Date('9999-12-30T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: -14, max: 14 }),
        (d, h) => {
          const iso = d.toISOString();
          expect(parseInstant(iso)).toBe(d.getTime());
          const sign = h < 0 ? '-' : '+';
          const local = new Date(d.getTime() + h * 3_600_000).toISOString().slice(0, 23);
          expect(parseInstant(`${local}${sign}${String(Math.abs(h)).padStart(2, '0')}:00`)).toBe(d.getTime());
        },
      ),
    );
    for (const bad of [
      '2026-13-01T00:00:00Z',
      '2026-02-29T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T00:00:60Z',
      '2026-01-01 00:00:00Z',
      '2026-01-01T00:00:00+25:00',
    ])
      expect(parseInstant(bad), bad).toBeNaN();
    expect(parseInstant('2024-02-29T00:00:00z')).toBe(Date.parse('2024-02-29T00:00:00Z'));
    expect(addDuration('March 7, 2026', 'P1D', calendarDays)).toBeUndefined();
    expect(addDuration('2026-03-07T00:00:00Z', 'P99999Y', calendarDays)).toBeUndefined();
  });
});
