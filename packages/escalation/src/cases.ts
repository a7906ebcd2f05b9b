import type { CaseRunner, ResolvedPack } from '@gridsafe/engine';
import type { TestCase } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { allowedEvents } from './allowed.js';
import type { EscalationEvent } from './events.js';
import { blankCase, createEscalationMachine, type EscalationMachine, type MachineModel, machineModel } from './machine/create.js';
import type { PolicyModel } from './policy/model.js';
import type { CaseSnapshot } from './snapshot.js';
import { calendarDays } from './time/calendar.js';
import { addDuration } from './time/duration.js';
import { transition } from './transition.js';

type EscalationCase = Extract<TestCase, { type: 'escalation' }>;
type CaseEvent = EscalationCase['input']['events'][number];

/** When a case's events start (a Monday morning in China); each next event is an hour later. */
export const CASE_START = '2026-01-05T09:00:00+08:00';

const machines = new WeakMap<ResolvedPack, Map<string, E.Either<string, EscalationMachine>>>();
function machineFor(pack: ResolvedPack, policy: string): E.Either<string, EscalationMachine> {
  const cache = machines.get(pack) ?? new Map();
  machines.set(pack, cache);
  if (!cache.has(policy))
    cache.set(
      policy,
      E.mapLeft((is: { message: { en: string } }[]) => is.map((i) => i.message.en).join('; '))(createEscalationMachine(pack, { policy })),
    );
  return cache.get(policy) as E.Either<string, EscalationMachine>;
}

/** The full event a case's short event stands for: time, a role allowed to send it, and a default payload. */
function fill(machine: EscalationMachine, model: PolicyModel, c: CaseSnapshot, ev: CaseEvent, i: number, at: string): EscalationEvent {
  const roles = allowedEvents(machine, c).find((a) => a.type === ev.type)?.roles ?? [];
  const role = ev.role ?? (ev.type === 'REPORT' ? (model.kinds.get(c.kind) ?? model.entry).id : (roles[0] ?? model.entry.id));
  const base = { id: `case-event-${i}`, at, actor: `case-${role}`, role };
  const owner = model.tiers.get(c.owner);
  const forwards = [...(owner?.forwardTiers ?? []), ...(owner?.forwardDepts ?? [])];
  const plan = Object.fromEntries(model.policy.majorPlan.fields.map((f) => [f, `case ${f}`]));
  const payload: Record<string, unknown> = {
    REPORT: {
      ...(c.grade !== undefined ? { grade: c.grade } : {}),
      kind: c.kind,
      photos: ['case-photo.jpg'],
      ...(c.facts ? { facts: c.facts } : {}),
    },
    RESOLVE: { evidence: ['case-evidence.jpg'] },
    ESCALATE: { reason: ev.reason ?? model.reasonsFor(c.owner, c)[0] ?? '(none)', ...(ev.to ? { to: ev.to } : {}) },
    FORWARD: {
      to: ev.to ? [ev.to, ...(ev.team ?? [])] : forwards.length === 1 ? forwards[0] : [],
      ...(ev.lead ? { lead: ev.lead } : {}),
    },
    SEND_DOWN: { to: ev.to ?? owner?.sendDownTiers[0] ?? '(none)' },
    GRADE: { grade: ev.grade ?? '(none)' },
    SUBMIT_PLAN: { plan },
    VERIFY_FAIL: { reason: 'not rectified' },
    REQUEST_EXTENSION: { until: addDuration(c.due?.at ?? at, 'P7D', calendarDays) ?? at, reason: 'needs more time' },
    DECIDE_EXTENSION: { approve: true },
    RETURN: { reason: 'not our jurisdiction' },
    VOID: { reason: 'duplicate report' },
  };
  return { ...base, type: ev.type, ...((payload[ev.type] as object) ?? {}) } as EscalationEvent;
}

/**
 * The reasons recorded on a case's moves up, in order (from its audit trail).
 *
 * @example
 * ```ts
 * import { reasonsRecorded, type CaseSnapshot } from '@gridsafe/escalation';
 * declare const c: CaseSnapshot;
 * console.log(reasonsRecorded(c)); // e.g. ['xianyou.reason.report', 'xianyou.reason.cannot-remove-at-once']
 * ```
 */
export function reasonsRecorded(c: CaseSnapshot): string[] {
  return c.audit.flatMap((a) => (a.reason !== undefined ? [a.reason] : []));
}

/** The tiers a case passed through, from its audit trail: the entry, then each change of owner. */
export function tiersPassed(c: CaseSnapshot): string[] {
  const path: string[] = [];
  for (const a of c.audit) if (path.at(-1) !== a.tier) path.push(a.tier);
  return path;
}

/**
 * The runner for `escalation` cases, for `runCases(pack, { runners: { escalation: runEscalationCase } })`:
 * it opens the case (REPORT by its kind's entry tier, with its grade if it has one and a photo,
 * unless the case starts with REPORT), sends each event an hour apart (DEADLINE at the due time)
 * from a role allowed to send it (or the case's `role`), with a default payload (ESCALATE: the
 * case's `reason`, else the first reason the tier may use), and compares the tiers passed, the
 * final tier and state, the departments, lead and completions of a joint team, the reasons of the
 * moves up, the report-up rules fired, the grade, the reminders and the rejected events with what
 * the case expects. Any rejection the case does not expect fails it.
 *
 * @example
 * ```ts
 * import { runCases, type ResolvedPack } from '@gridsafe/engine';
 * import { runEscalationCase } from '@gridsafe/escalation';
 * declare const pack: ResolvedPack;
 * const results = runCases(pack, { runners: { escalation: runEscalationCase } });
 * console.log(results.filter((r) => !r.pass).map((r) => r.id));
 * ```
 */
export const runEscalationCase: CaseRunner = (pack, tc) => {
  if (tc.type !== 'escalation') return { pass: false, expected: null, actual: `not an escalation case: ${tc.type}` };
  const m = machineFor(pack, tc.escalation);
  if (E.isLeft(m)) return { pass: false, expected: tc.expect, actual: { error: m.left } };
  const machine = m.right;
  const model = (machineModel(machine) as MachineModel).model;
  let c: CaseSnapshot = {
    ...blankCase(model, tc.id),
    ...(tc.input.kind !== undefined ? { kind: tc.input.kind } : {}),
    ...(tc.input.severity !== undefined ? { grade: tc.input.severity } : {}),
    ...(tc.input.facts ? { facts: tc.input.facts } : {}),
  };
  const events = tc.input.events[0]?.type === 'REPORT' ? tc.input.events : [{ type: 'REPORT' as const }, ...tc.input.events];
  const offset = events === tc.input.events ? 0 : 1;
  const rejected: { event: number; code: string }[] = [];
  let at = CASE_START;
  events.forEach((ev, i) => {
    if (i > 0) at = addDuration(at, 'PT1H', calendarDays) ?? at;
    if (ev.type === 'DEADLINE' && c.due && Date.parse(c.due.at) > Date.parse(at)) at = c.due.at;
    const r = transition(machine, c, fill(machine, model, c, ev, i, at));
    if (r.rejected) rejected.push({ event: i - offset, code: r.rejected.code });
    c = r.snapshot;
  });
  const x = tc.expect;
  const expected = { ...x };
  const actual = {
    path: tiersPassed(c),
    ...(x.final !== undefined ? { final: c.owner } : {}),
    ...(x.state !== undefined ? { state: c.state } : {}),
    ...(x.departments !== undefined ? { departments: c.departments ?? [] } : {}),
    ...(x.lead !== undefined ? { lead: c.lead ?? '' } : {}),
    ...(x.completed !== undefined ? { completed: c.completed ?? [] } : {}),
    ...(x.reasons !== undefined ? { reasons: reasonsRecorded(c) } : {}),
    ...(x.reportedUp !== undefined ? { reportedUp: c.reportedUp ?? [] } : {}),
    ...(x.grade !== undefined ? { grade: c.grade ?? '' } : {}),
    ...(x.reminders !== undefined ? { reminders: c.reminders ?? 0 } : {}),
    ...(x.rejected !== undefined || rejected.length ? { rejected } : {}),
  };
  const order = (o: object) => JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))));
  return { pass: order(expected) === order(actual), expected, actual };
};
