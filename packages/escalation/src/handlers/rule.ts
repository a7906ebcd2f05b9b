import type { Rejection, RejectionCode, RejectionParams } from '../errors/codes.js';
import { makeRejection } from '../errors/render.js';
import type { EscalationEvent, EscalationEventType } from '../events.js';
import type { PolicyModel, TierModel } from '../policy/model.js';
import type { Step } from '../policy/steps.js';
import type { AuditEntry, CaseSnapshot, Due } from '../snapshot.js';
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

/** The due time of a state entered at `at`, from the owning tier's due time for the severity. */
export function dueFor(model: PolicyModel, tier: string, severity: string, at: string, state: string): Due {
  const t = model.tiers.get(tier)?.tier;
  const within = t?.due.find((d) => d.severity === severity)?.within ?? t?.due[0]?.within ?? model.defaultDue;
  return { at: addDuration(at, within, model.calendar), state };
}

const detailOf = (e: EscalationEvent): string | undefined => {
  const x = e as { reason?: string; note?: string; to?: string | string[] };
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
  opts: { keepDue?: boolean; detail?: string } = {},
): CaseSnapshot {
  const state = to ?? c.state;
  const owner = patch.owner ?? ownerOf(model, state) ?? c.owner;
  // One spread (a fast clone), then the patch key by key: a second spread takes a slow path.
  const next: CaseSnapshot = { ...c };
  for (const k in patch) (next as unknown as Record<string, unknown>)[k] = (patch as Record<string, unknown>)[k];
  next.state = state;
  next.owner = owner;
  if (state === 'closed' || state === 'voided') next.due = undefined;
  else if (to !== undefined && !opts.keepDue) next.due = dueFor(model, owner, next.severity, e.at, state);
  else if (to !== undefined && c.due) next.due = { at: c.due.at, state };
  const entry: AuditEntry = { id: e.id, event: e.type, actor: e.actor, role: e.role, tier: owner, at: e.at, from: c.state, to: state };
  const detail = opts.detail ?? detailOf(e);
  if (detail) entry.detail = detail;
  const audit = c.audit.slice();
  audit.push(entry);
  next.audit = audit;
  return next;
}
