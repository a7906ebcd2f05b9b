import { RECORD_CODECS } from '@gridsafe/scoring';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type CaseSnapshot, caseRecords, type EscalationEvent, openCase, transition } from '../src/index.js';
import { machineOf } from './fixtures.js';

const T = 'xianyou.tier.';
const machine = machineOf('xianyou');
const hour = (h: number) => new Date(Date.parse('2026-03-02T09:00:00+08:00') + h * 3_600_000).toISOString();

type Step = Record<string, unknown> & { type: EscalationEvent['type']; at: string; role: string };
function run(id: string, severity: 'general' | 'major', events: Step[]): CaseSnapshot {
  const opened = openCase(machine, id, {
    id: `${id}-0`,
    at: hour(0),
    actor: 'chen',
    role: `${T}grid-worker`,
    grade: severity,
    photos: ['p.jpg'],
  });
  if (opened.rejected) throw new Error(opened.rejected.message.en);
  let c = opened.snapshot;
  events.forEach((e, i) => {
    const r = transition(machine, c, { ...e, id: `${id}-${i + 1}`, actor: 'someone' } as unknown as EscalationEvent);
    if (r.rejected) throw new Error(`${e.type}: ${r.rejected.message.en}`);
    c = r.snapshot;
  });
  return c;
}

const closed = run('closed', 'general', [
  { type: 'ESCALATE', at: hour(1), role: `${T}grid-worker`, reason: 'xianyou.reason.report', note: 'beyond me' },
  { type: 'ACCEPT', at: hour(2), role: `${T}village` },
  { type: 'RESOLVE', at: hour(3), role: `${T}village`, evidence: ['done.jpg'] },
  { type: 'VERIFY_FAIL', at: hour(4), role: `${T}grid-worker`, reason: 'not done' },
  { type: 'RESOLVE', at: hour(5), role: `${T}village`, evidence: ['done2.jpg'] },
  { type: 'VERIFY_PASS', at: hour(6), role: `${T}grid-worker` },
  { type: 'CLOSE', at: hour(30), role: `${T}village` },
]);
// Never passed on by the grid worker: its deadline passes at the entry tier.
const lateDue = run('late', 'general', []).due?.at as string;
const late = transition(machine, run('late', 'general', []), {
  type: 'DEADLINE',
  id: 'late-d',
  at: lateDue,
  actor: 'clock',
  role: 'system',
}).snapshot;
const handled = run('handled', 'major', [
  { type: 'ESCALATE', at: hour(1), role: `${T}grid-worker`, reason: 'xianyou.reason.report', note: 'major', to: `${T}township` },
  { type: 'ACCEPT', at: hour(2), role: `${T}township` },
  {
    type: 'SUBMIT_PLAN',
    at: hour(3),
    role: `${T}township`,
    plan: { target: 't', method: 'm', funds: 'f', responsible: 'r', deadline: 'd', safetyMeasures: 's' },
  },
  { type: 'RESOLVE', at: hour(4), role: `${T}township`, evidence: ['e.jpg'] },
]);
const voided = run('voided', 'general', [{ type: 'VOID', at: hour(1), role: `${T}grid-worker`, reason: 'duplicate' }]);
const unit = () => 'v1';

describe('caseRecords', () => {
  it("gives each case's hazard record as the period left it", () => {
    const r = caseRecords([closed, late, handled], { periodEnd: '2026-03-31', unit });
    expect(E.isRight(r)).toBe(true);
    if (E.isLeft(r)) return;
    const [a, b, c] = r.right;
    expect(a).toEqual({
      type: 'hazard',
      unit: 'v1',
      date: '2026-03-02',
      id: 'closed',
      tier: 'general',
      state: 'closed',
      dueOn: a?.dueOn,
      closedOn: hour(30).slice(0, 10),
      reportedImmediately: true,
      reworked: true,
    });
    expect(a?.dueOn).toBe(closed.due?.at.slice(0, 10) ?? a?.closedOn);
    expect(b).toMatchObject({ id: 'late', state: 'open', reportedImmediately: false, reworked: false, dueOn: lateDue.slice(0, 10) });
    // The first deadline that passed, not the next tier's due time.
    expect(late.due?.at.slice(0, 10)).not.toBe(lateDue.slice(0, 10));
    expect(c).toMatchObject({ id: 'handled', tier: 'major', state: 'handled' });
    expect(c).not.toHaveProperty('closedOn');
    for (const rec of r.right) expect(RECORD_CODECS.hazard.is(rec)).toBe(true);
  });

  it('gives no record for a voided case, and located issues for a case with no unit or no report', () => {
    const none = caseRecords([voided], { periodEnd: '2026-03-31', unit });
    expect(E.isRight(none) && none.right).toEqual([]);
    const bad = caseRecords([closed, { ...late, audit: [] }], {
      periodEnd: '2026-03-31',
      unit: (c) => (c.caseId === 'closed' ? undefined : 'v1'),
    });
    expect(E.isLeft(bad) && bad.left.map((i) => `${i.code} ${i.pointer}`)).toEqual(['schema.required /0', 'schema.required /1/audit/0']);
    const period = caseRecords([closed], { periodEnd: '2026-3-31', unit });
    expect(E.isLeft(period) && period.left[0]?.code).toBe('schema.format');
  });

  it('never throws, and every record it gives is a valid hazard record (property)', () => {
    const mutate = fc.oneof(fc.anything(), fc.constantFrom(closed, late, handled, voided));
    fc.assert(
      fc.property(fc.array(mutate, { maxLength: 5 }), fc.anything(), (cases, end) => {
        for (const periodEnd of ['2026-03-31', end]) {
          const r = caseRecords(cases as CaseSnapshot[], { periodEnd: periodEnd as string, unit });
          if (E.isRight(r)) for (const rec of r.right) expect(RECORD_CODECS.hazard.is(rec)).toBe(true);
        }
      }),
    );
  });
});
