import type { Rejection, RejectionCode, RejectionParams } from '../errors/codes.js';
import { makeRejection } from '../errors/render.js';
import type { EscalationEvent, EscalationEventType } from '../events.js';
import type { PolicyModel, TierModel } from '../policy/model.js';
import type { Step } from '../policy/steps.js';
import type { Assignee, AuditEntry, CaseSnapshot, Due } from '../snapshot.js';
import { addDuration } from '../time/duration.js';

/**
 * One transition of the machine: from a state on an event, to a state (or staying), when a routing
 * condition holds, if the policy allows it (else a rejection), with the case it produces.
 */
export interface Rule {
  event: EscalationEventType;
  from: string;
  /** The target state; absent for an internal transition that stays put. */
  to?: string;
  /** A short label for diagrams (a condition or a target). */
  label?: string;
  /** Routing: which of several rules for the same event applies (not a rejection). */
  when?(c: CaseSnapshot, e: EscalationEvent): boolean;
  /** Why the event is not allowed, or undefined when it is. */
  check(c: CaseSnapshot, e: EscalationEvent): Rejection | undefined;
  /** The case after the event (the event is allowed). */
  apply(c: CaseSnapshot, e: EscalationEvent): CaseSnapshot;
}

/** The state name of a tier's step. */
export const stateOf = (m: TierModel, step: Step) => `${m.key}.${step}`;
/** The steps where a tier works on the case. */
export const WORKING: readonly Step[] = ['assign', 'handle', 'supervise'];

export const reject = <C extends RejectionCode>(code: C, params: RejectionParams[C], e: EscalationEvent) => makeRejection(code, params, e);

/** A rejection when the event's role is not one of `allowed`. */
export function needRole(e: EscalationEvent, allowed: readonly string[]): Rejection | undefined {
  return allowed.includes(e.role) ? undefined : reject('escalation.role', { event: e.type, role: e.role, allowed: [...allowed] }, e);
}

/** A rejection when a text field is missing or blank. */
export function needText(e: EscalationEvent, field: 'reason', value: unknown): Rejection | undefined {
  return typeof value === 'string' && value.trim() !== '' ? undefined : reject('escalation.missing', { event: e.type, field }, e);
}

/** A rejection when a list of photos or evidence is missing or empty. */
export function needList(e: EscalationEvent, field: 'photos' | 'evidence', value: unknown): Rejection | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'string' && x !== '')
    ? undefined
    : reject('escalation.missing', { event: e.type, field }, e);
}

/** The first rejection of several checks. */
export const first = (...checks: (() => Rejection | undefined)[]) => {
  for (const c of checks) {
    const r = c();
    if (r) return r;
  }
  return undefined;
};

/**
 * The due time of a state entered at `at`: the owning tier's due time for the case's grade, else
 * its due time without a grade, else the machine's `defaultDue`. `at` is empty when the due time
 * would fall after the year 9999 (the transition then rejects the event).
 */
export function dueFor(model: PolicyModel, tier: string, grade: string | undefined, at: string, state: string): Due {
  const t = model.tiers.get(tier)?.tier;
  let within: string | undefined;
  let fallback: string | undefined;
  for (const d of t?.due ?? []) {
    if (d.severity === grade && grade !== undefined) within = d.within;
    else if (d.severity === undefined) fallback = d.within;
  }
  return { at: addDuration(at, within ?? fallback ?? model.defaultDue, model.calendar) ?? '', state };
}

/** The next reminder of an overdue case: `remindEvery` after the event (empty when out of range). */
export function reminderAt(model: PolicyModel, at: string): string {
  return addDuration(at, model.remindEvery, model.calendar) ?? '';
}

const detailOf = (e: EscalationEvent): string | undefined => {
  const x = e as { reason?: string; note?: string; to?: string | string[] };
  if (e.type === 'ESCALATE') return x.note ? (x.to ? `${String(x.to)}: ${x.note}` : x.note) : (x.to as string | undefined);
  const to = Array.isArray(x.to) ? x.to.join('+') : x.to;
  const why = x.reason ?? x.note;
  // [to, why].filter(Boolean).join(': '), without the arrays.
  const text = to ? (why ? `${to}: ${why}` : `${to}`) : why ? `${why}` : '';
  return text || undefined;
};

/** The owning tier of each tier state (`<tier key>.<step>`), by state, per policy. */
const owners = new WeakMap<PolicyModel, Map<string, string | undefined>>();
function ownerOf(model: PolicyModel, state: string): string | undefined {
  let byState = owners.get(model);
  if (!byState) {
    byState = new Map();
    owners.set(model, byState);
  }
  let owner = byState.get(state);
  if (owner === undefined && !byState.has(state)) {
    owner = model.byKey.get(state.slice(0, state.indexOf('.')))?.id;
    byState.set(state, owner);
  }
  return owner;
}

/**
 * The case after an accepted event: its new state and owner, a fresh due time when a state is
 * entered (unless `keepDue`), and the audit entry. A key to remove is given as `undefined` in
 * `patch` (XState's assign merges, so a key left out would survive).
 */
export function move(
  model: PolicyModel,
  c: CaseSnapshot,
  e: EscalationEvent,
  to: string | undefined,
  patch: Partial<CaseSnapshot> = {},
  opts: { keepDue?: boolean; detail?: string; reason?: string } = {},
): CaseSnapshot {
  const state = to ?? c.state;
  const owner = patch.owner ?? ownerOf(model, state) ?? c.owner;
  // One spread (a fast clone), then the patch key by key: a second spread takes a slow path.
  const next: CaseSnapshot = { ...c };
  for (const k in patch) (next as unknown as Record<string, unknown>)[k] = (patch as Record<string, unknown>)[k];
  next.state = state;
  next.owner = owner;
  if (state === 'closed' || state === 'voided') next.due = undefined;
  else if (to !== undefined && !opts.keepDue) next.due = dueFor(model, owner, next.grade, e.at, state);
  else if (to !== undefined && c.due) next.due = c.due.overdue ? { at: c.due.at, state, overdue: true } : { at: c.due.at, state };
  if (owner !== c.owner || c.state === 'new') arrive(model, c, next, e);
  else if (patch.grade !== undefined && patch.grade !== c.grade) reportUp(model, next);
  const entry: AuditEntry = { id: e.id, event: e.type, actor: e.actor, role: e.role, tier: owner, at: e.at, from: c.state, to: state };
  if (opts.reason) entry.reason = opts.reason;
  const detail = opts.detail ?? detailOf(e);
  if (detail) entry.detail = detail;
  const audit = c.audit.slice();
  audit.push(entry);
  next.audit = audit;
  return next;
}

/** The report-up rules of the owning tier that apply to the case and have not fired yet, added to it. */
function reportUp(model: PolicyModel, next: CaseSnapshot): void {
  if (!model.tiers.get(next.owner)?.tier.reportsUp?.length) return;
  const rules = model.reportsUpFor(next.owner, next);
  if (rules.length === 0) return;
  const fired = next.reportedUp ?? [];
  const fresh = rules.filter((r) => !fired.includes(r.id)).map((r) => r.id);
  if (fresh.length) next.reportedUp = [...fired, ...fresh];
}

/** A case arriving at a new owning tier: its assignee is that tier's unit (from the event, or where the case is), and the tier's report-up rules fire. */
function arrive(model: PolicyModel, c: CaseSnapshot, next: CaseSnapshot, e: EscalationEvent): void {
  const given = (e as { assignee?: Assignee }).assignee;
  const level = model.tiers.get(next.owner)?.tier.level;
  const unit = given?.unit ?? (level ? c.where?.units?.[level] : undefined);
  if (unit !== undefined || given?.person !== undefined) {
    const assignee: Assignee = {};
    if (unit !== undefined) assignee.unit = unit;
    if (given?.person !== undefined) assignee.person = given.person;
    next.assignee = assignee;
  } else if (next.assignee !== undefined) next.assignee = undefined;
  // A new owner starts without a team; a key is set to undefined only when it had a value (the
  // transition then drops it), so that the common case makes no extra copy.
  if (next.lead !== undefined) next.lead = undefined;
  if (next.completed !== undefined) next.completed = undefined;
  reportUp(model, next);
}
