// An invalid event is rejected with a reason in zh and en, and the case is unchanged.
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  type CaseSnapshot,
  calendarDays,
  formatRejection,
  nextDeadline,
  openCase,
  transition,
  workingDayCalendar,
} from '../src/index.js';
import { ev, machineOf } from './fixtures.js';

const m = machineOf('xianyou');
const GW = 'xianyou.tier.grid-worker';
const V = 'xianyou.tier.village';
const opened = (grade: string | undefined = 'general') =>
  openCase(m, 'c1', { id: 'r1', at: '2026-03-02T09:00:00+08:00', actor: 'chen', role: GW, ...(grade ? { grade } : {}), photos: ['p.jpg'] })
    .snapshot;
const atVillage = (grade: string | undefined = 'general') =>
  transition(m, opened(grade), ev('ESCALATE', GW, '2026-03-02T10:00:00+08:00', { reason: 'xianyou.reason.report' })).snapshot;
const rejected = (c: CaseSnapshot, e: Parameters<typeof transition>[2]) => {
  const r = transition(m, c, e);
  expect(r.snapshot).toBe(c);
  expect(r.effects).toEqual([]);
  if (!r.rejected) throw new Error('expected a rejection');
  return [formatRejection(r.rejected, 'zh'), formatRejection(r.rejected, 'en')];
};

describe('rejections', () => {
  it('a REPORT without photos', () => {
    const r = openCase(m, 'c', { id: 'r', at: '2026-03-02T09:00:00+08:00', actor: 'chen', role: GW, grade: 'general', photos: [] });
    expect(r.rejected?.message).toEqual({ zh: 'REPORT 需要至少一张照片', en: 'REPORT needs at least one photo' });
  });
  it('an event from the wrong role', () => {
    expect(rejected(atVillage(), { ...ev('ACCEPT', GW, '2026-03-02T11:00:00+08:00'), id: 'x1' })).toEqual([
      'x1 ACCEPT 被拒绝：角色“xianyou.tier.grid-worker”此时不能发送 ACCEPT；可发送的角色：“xianyou.tier.village” [escalation.role]',
      'x1 ACCEPT rejected: role "xianyou.tier.grid-worker" may not send ACCEPT now; allowed: "xianyou.tier.village" [escalation.role]',
    ]);
  });
  it('an event the state does not accept', () => {
    expect(rejected(atVillage(), { ...ev('CLOSE', V, '2026-03-02T11:00:00+08:00'), id: 'x2' })[1]).toBe(
      'x2 CLOSE rejected: CLOSE is not accepted in state "village.assign"; accepted here: "ACCEPT", "RESOLVE", "ESCALATE", "GRADE", "SUBMIT_PLAN", "REQUEST_EXTENSION", "DECIDE_EXTENSION", "DEADLINE", "SUPERVISE", "VOID" [escalation.notInState]',
    );
  });
  it('a skip the policy does not allow for a general hazard (Chibi: only a major situation goes straight to the township)', () => {
    const chibi = machineOf('chibi');
    const c = openCase(chibi, 'c', {
      id: 'r',
      at: '2026-03-02T09:00:00+08:00',
      actor: 'wu',
      role: 'chibi.tier.grid-worker',
      grade: 'general',
      photos: ['p'],
    });
    const r = transition(chibi, c.snapshot, {
      ...ev('ESCALATE', 'chibi.tier.grid-worker', '2026-03-02T10:00:00+08:00', {
        reason: 'chibi.reason.report',
        to: 'chibi.tier.township',
      }),
      id: 'x3',
    });
    expect(r.snapshot).toBe(c.snapshot);
    expect([formatRejection(r.rejected as never, 'zh'), formatRejection(r.rejected as never, 'en')]).toEqual([
      'x3 ESCALATE 被拒绝：政策不允许 ESCALATE 从“chibi.tier.grid-worker”到“chibi.tier.township”；允许的去向：“chibi.tier.community” [escalation.target]',
      'x3 ESCALATE rejected: ESCALATE from "chibi.tier.grid-worker" to "chibi.tier.township" is not allowed by the policy; allowed: "chibi.tier.community" [escalation.target]',
    ]);
  });
  it('a move up for a reason the tier does not list', () => {
    expect(
      rejected(atVillage(), { ...ev('ESCALATE', V, '2026-03-02T11:00:00+08:00', { reason: 'xianyou.reason.cannot-enforce' }), id: 'x11' }),
    ).toEqual([
      'x11 ESCALATE 被拒绝：政策不允许以理由“xianyou.reason.cannot-enforce”从“xianyou.tier.village”上报本案件；此处可用的上报理由：“xianyou.reason.cannot-remove-at-once” [escalation.reason]',
      'x11 ESCALATE rejected: ESCALATE from "xianyou.tier.village" for reason "xianyou.reason.cannot-enforce" is not allowed: the policy lets this case go up from here for "xianyou.reason.cannot-remove-at-once" [escalation.reason]',
    ]);
  });
  it('a major hazard resolved before its plan, and an incomplete plan', () => {
    const c = atVillage('major');
    expect(rejected(c, { ...ev('RESOLVE', V, '2026-03-02T11:00:00+08:00', { evidence: ['a.jpg'] }), id: 'x4' })).toEqual([
      'x4 RESOLVE 被拒绝：重大隐患须先提交治理方案（target、method、funds、responsible、deadline、safetyMeasures）方可消除 [escalation.planRequired]',
      'x4 RESOLVE rejected: a major hazard needs a remediation plan (target, method, funds, responsible, deadline, safetyMeasures) before it is resolved [escalation.planRequired]',
    ]);
    expect(rejected(c, { ...ev('SUBMIT_PLAN', V, '2026-03-02T11:00:00+08:00', { plan: { target: 't', method: 'm' } }), id: 'x5' })[1]).toBe(
      'x5 SUBMIT_PLAN rejected: the remediation plan lacks "funds", "responsible", "deadline", "safetyMeasures" [escalation.planIncomplete]',
    );
  });
  it('an early DEADLINE, a time going backwards, a missing reason', () => {
    const c = atVillage();
    expect(rejected(c, { ...ev('DEADLINE', 'system', '2026-03-02T12:00:00+08:00'), id: 'x6' })[1]).toBe(
      'x6 DEADLINE rejected: DEADLINE at 2026-03-02T12:00:00+08:00 is early: the case is due at 2026-03-05T02:00:00.000Z [escalation.notDue]',
    );
    expect(rejected(c, { ...ev('ACCEPT', V, '2026-03-01T12:00:00+08:00'), id: 'x7' })[0]).toBe(
      'x7 ACCEPT 被拒绝：事件时间 2026-03-01T12:00:00+08:00 早于案件上一事件时间 2026-03-02T10:00:00+08:00 [escalation.timeBackwards]',
    );
    expect(rejected(c, { ...ev('VOID', V, '2026-03-02T12:00:00+08:00', { reason: ' ' }), id: 'x8' })).toEqual([
      'x8 VOID 被拒绝：VOID 需要理由 [escalation.missing]',
      'x8 VOID rejected: VOID needs a reason [escalation.missing]',
    ]);
  });
  it('anything after closing or voiding, and a case of another pack version', () => {
    const voided = transition(m, atVillage(), ev('VOID', V, '2026-03-02T12:00:00+08:00', { reason: 'duplicate' })).snapshot;
    expect(voided.state).toBe('voided');
    expect(rejected(voided, { ...ev('ACCEPT', V, '2026-03-02T13:00:00+08:00'), id: 'x9' })[0]).toBe(
      'x9 ACCEPT 被拒绝：案件已作废，已办结或作废的案件不再接受任何事件 [escalation.final]',
    );
    const old = { ...atVillage(), pack: { id: 'xianyou', version: '0.9.0' } };
    expect(rejected(old, { ...ev('ACCEPT', V, '2026-03-02T13:00:00+08:00'), id: 'x10' })[1]).toBe(
      'x10 ACCEPT rejected: the case was opened under pack xianyou@0.9.0; this machine is xianyou@1.0.0: use the pinned version [escalation.packMismatch]',
    );
  });
  it('ignores a duplicate event id', () => {
    const c = atVillage();
    const e = ev('ACCEPT', V, '2026-03-02T11:00:00+08:00');
    const once = transition(m, c, e).snapshot;
    const twice = transition(m, once, e);
    expect(twice.duplicate).toBe(true);
    expect(twice.snapshot).toBe(once);
    expect(once.audit).toHaveLength(3);
  });
});

describe('deadlines', () => {
  it('are absolute due times from tier and severity, on a working-day calendar when given', () => {
    expect(nextDeadline(atVillage())).toEqual({ at: '2026-03-05T02:00:00.000Z', state: 'village.assign', reminder: false });
    expect(nextDeadline(atVillage('major'))).toEqual({ at: '2026-03-03T02:00:00.000Z', state: 'village.assign', reminder: false });
    const wm = machineOf('xianyou', { calendar: workingDayCalendar() });
    const fri = openCase(wm, 'c', {
      id: 'r',
      at: '2026-03-06T09:00:00+08:00',
      actor: 'chen',
      role: GW,
      grade: 'general',
      photos: ['p'],
    });
    expect(nextDeadline(fri.snapshot)?.at).toBe('2026-03-09T01:00:00.000Z');
    expect(addDuration('2026-03-06T09:00:00+08:00', 'PT2H', workingDayCalendar())).toBe('2026-03-06T03:00:00.000Z');
  });
  it('an overdue case does what the policy says: supervision, then reminders on a cadence, never silence', () => {
    const c = atVillage();
    const r = transition(m, c, ev('DEADLINE', 'system', '2026-03-05T02:00:00.000Z'));
    expect(r.snapshot.owner).toBe('xianyou.tier.village');
    expect(r.snapshot.state).toBe('village.supervise');
    expect(r.effects.map((x) => x.type)).toEqual(['audit', 'notify', 'scheduleDeadline']);
    const due = nextDeadline(r.snapshot)?.at as string;
    const again = transition(m, r.snapshot, ev('DEADLINE', 'system', due));
    expect(again.snapshot.state).toBe('village.supervise');
    expect(again.snapshot.reminders).toBe(1);
    expect(nextDeadline(again.snapshot)).toEqual({ at: addDuration(due, 'P1D', calendarDays), state: 'village.supervise', reminder: true });
    expect(again.effects).toEqual([
      { type: 'audit', entry: again.snapshot.audit.at(-1) },
      { type: 'notify', to: 'xianyou.tier.village', why: 'overdue' },
      { type: 'notify', to: 'xianyou.tier.county', why: 'overdue' },
      { type: 'scheduleDeadline', at: addDuration(due, 'P1D', calendarDays), state: 'village.supervise' },
    ]);
  });
});
