import { transition as xstateTransition } from 'xstate';
import { type CaseProblem, caseProblem, entryProblem, upgradeCase } from './case/decode.js';
import type { RejectedEvent, Rejection } from './errors/codes.js';
import { makeRejection } from './errors/render.js';
import { ESCALATION_EVENT_TYPES, type EscalationEvent } from './events.js';
import { type Rule, reject } from './handlers/rule.js';
import { type EscalationMachine, machineModel } from './machine/create.js';
import { deriveEffects } from './machine/derive.js';
import { type AuditEntry, type CaseSnapshot, isFinal } from './snapshot.js';
import { isInstant, parseInstant } from './time/instant.js';

/** Options for {@link transition}. */
export interface TransitionOptions {
  /**
   * `rules` (default) applies the machine's transition table directly, which is fast; `xstate` runs
   * the event through XState's own pure `transition` on the restored machine snapshot. Both give the
   * same result (the package's tests check it on random event sequences).
   */
  via?: 'rules' | 'xstate';
}

/** What {@link transition} returns: the case after the event and what the host should do. */
export interface TransitionResult {
  snapshot: CaseSnapshot;
  effects: import('./effects.js').Effect[];
  /** Why the event was rejected; the snapshot is then the one passed in. */
  rejected?: Rejection;
  /** With `rejected`: the record of the rejected event, for the host to append to its log. */
  entry?: RejectedEvent;
  /** The case already accepted an event with this id; nothing changed. */
  duplicate?: true;
}

const stateValue = (state: string) => {
  const dot = state.indexOf('.');
  return dot < 0 ? state : { [state.slice(0, dot)]: state.slice(dot + 1) };
};

const EVENT_TYPES: ReadonlySet<string> = new Set(ESCALATION_EVENT_TYPES);
const isIdList = (to: unknown) => {
  if (!Array.isArray(to)) return false;
  for (const x of to) if (typeof x !== 'string') return false;
  return true;
};
const isText = (x: unknown) => typeof x === 'string' && x.length <= 200;
/** What a rejection needs of an event: its id and type as strings, whatever the event was. */
const ref = (e: unknown) => {
  const x = e !== null && typeof e === 'object' ? (e as { id?: unknown; type?: unknown }) : {};
  return { id: typeof x.id === 'string' ? x.id : '', type: typeof x.type === 'string' ? x.type : '' };
};

/** Why an event is malformed, before any rule looks at it: not an object, an unknown type, a missing id, sender or time. */
function shape(e: unknown): Rejection | undefined {
  const bad = (field: string, expected: string) => {
    const r = ref(e);
    return makeRejection('escalation.badEvent', { event: r.type || '(none)', field, expected }, r);
  };
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return bad('', 'an event object');
  const x = e as Record<string, unknown>;
  if (typeof x.type !== 'string' || !EVENT_TYPES.has(x.type)) return bad('type', `one of ${ESCALATION_EVENT_TYPES.join(', ')}`);
  if (typeof x.id !== 'string' || x.id === '' || x.id.length > 200) return bad('id', 'a non-empty string of at most 200 characters');
  if (!isText(x.role)) return bad('role', 'a string');
  if (!isText(x.actor)) return bad('actor', 'a string');
  if (Number.isNaN(parseInstant(x.at))) return bad('at', 'an RFC 3339 date-time with a time zone, e.g. 2026-03-01T09:30:00+08:00');
  const to = x.to;
  if (to !== undefined && typeof to !== 'string' && !isIdList(to)) return bad('to', 'an id or a list of ids');
  return undefined;
}

/**
 * Whether the case accepted an event with this id at this time: a retry of it. The audit trail is in
 * time order, so only the entries at the event's own instant are looked at (a binary search), never
 * the whole trail.
 */
function accepted(audit: readonly AuditEntry[], id: string, t: number, lastT: number): boolean | CaseProblem {
  let lo = 0;
  let hi = audit.length;
  // The last entry was checked with the row; a later event cannot be a retry.
  if (hi === 0 || lastT < t) return false;
  const at = (i: number): number | CaseProblem => entryProblem(audit[i], i) ?? parseInstant((audit[i] as AuditEntry).at);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = at(mid);
    if (typeof x !== 'number') return x;
    if (x < t) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < audit.length; i++) {
    const x = at(i);
    if (typeof x !== 'number') return x;
    if (x !== t) break;
    if ((audit[i] as AuditEntry).id === id) return true;
  }
  return false;
}

/** The rules of each state by event type, in the order of `byState` (built once per machine). */
const indexes = new WeakMap<ReadonlyMap<string, readonly Rule[]>, Map<string, Map<string, readonly Rule[]>>>();
function rulesFor(byState: ReadonlyMap<string, readonly Rule[]>, state: string, event: string): readonly Rule[] | undefined {
  let index = indexes.get(byState);
  if (!index) {
    index = new Map();
    for (const [from, rules] of byState) {
      const byEvent = new Map<string, Rule[]>();
      for (const r of rules) {
        const list = byEvent.get(r.event);
        if (list) list.push(r);
        else byEvent.set(r.event, [r]);
      }
      index.set(from, byEvent);
    }
    indexes.set(byState, index);
  }
  return index.get(state)?.get(event);
}

/** The first rule that applies, or the most telling rejection. */
export function pick(byState: ReadonlyMap<string, readonly Rule[]>, c: CaseSnapshot, e: EscalationEvent): Rule | Rejection {
  const same = rulesFor(byState, c.state, e.type);
  if (!same) {
    const here = byState.get(c.state) ?? [];
    return reject('escalation.notInState', { event: e.type, state: c.state, accepted: [...new Set(here.map((r) => r.event))] }, e);
  }
  // Routing conditions are all evaluated before any check, as they always were.
  const rejections: Rejection[] = [];
  const routed = same.length === 1 ? ((same[0]?.when?.(c, e) ?? true) ? same : []) : same.filter((r) => r.when?.(c, e) ?? true);
  for (const r of routed) {
    const why = r.check(c, e);
    if (!why) return r;
    rejections.push(why);
  }
  if (rejections.length) return rejections.find((r) => r.code !== 'escalation.target') ?? (rejections[0] as Rejection);
  // No rule routes this event (e.g. ESCALATE or FORWARD to a place the policy does not list).
  const roleCheck = same[0]?.check(c, { ...e, to: undefined } as EscalationEvent);
  if (roleCheck?.code === 'escalation.role') return roleCheck;
  const to = (e as { to?: string | string[] }).to;
  const allowed = [...new Set(same.map((r) => (r.label === 'departments' ? '(departments)' : (r.to ?? r.from))))];
  return reject(
    'escalation.target',
    { event: e.type, tier: c.owner, to: Array.isArray(to) ? to.join('+') : (to ?? '(default)'), allowed },
    e,
  );
}

/** The case without keys set to undefined (a fresh object: deleting keys would slow it down). */
const clean = (c: CaseSnapshot): CaseSnapshot => {
  const out: Record<string, unknown> = {};
  for (const k in c) {
    const v = (c as unknown as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as unknown as CaseSnapshot;
};

/** Whether a case has a key set to undefined (which {@link clean} would drop). */
const hasUndefined = (c: CaseSnapshot): boolean => {
  for (const k in c) if ((c as unknown as Record<string, unknown>)[k] === undefined) return true;
  return false;
};

/**
 * Apply one event to a case: a pure function of the persisted snapshot and the event, by the
 * machine's transitions (its guards and context updates; see {@link TransitionOptions}). Returns
 * the new snapshot and the effects the host should carry out. It never throws: a rejected event
 * returns the same snapshot with the reason and a record the host can append to its log (an event
 * that is not one, a stored row that is not a case, a machine that is not one are rejections too);
 * a retry of an accepted event (same id, same time) changes nothing and says `duplicate`.
 *
 * @example
 * ```ts
 * import { transition, type CaseSnapshot, type EscalationMachine } from '@gridsafe/escalation';
 * declare const machine: EscalationMachine;
 * declare const stored: CaseSnapshot;
 * const r = transition(machine, stored, { type: 'ACCEPT', id: 'e2', at: '2026-03-01T10:00:00+08:00', actor: 'li', role: 'xianyou.tier.village' });
 * if (r.rejected) console.log(r.rejected.message.zh);
 * else console.log(r.snapshot.state, r.effects.map((x) => x.type));
 * ```
 */
export function transition(
  machine: EscalationMachine,
  snapshot: CaseSnapshot,
  event: EscalationEvent,
  options: TransitionOptions = {},
): TransitionResult {
  const unchanged = (rejected: Rejection): TransitionResult => ({
    snapshot,
    effects: [],
    rejected,
    entry: rejectedEvent(snapshot, event, rejected),
  });
  const info = machineModel(machine);
  if (!info) return unchanged(makeRejection('escalation.notMachine', {}, ref(event)));
  const { model, byState } = info;
  const problem = caseProblem(snapshot, false);
  if (problem) return unchanged(makeRejection('escalation.badCase', problem, ref(event)));
  const c = upgradeCase(snapshot as unknown as Record<string, unknown>);
  const bad = shape(event);
  if (bad) return unchanged(bad);
  const at = parseInstant(event.at);
  const last = c.audit[c.audit.length - 1]?.at;
  const lastT = last === undefined ? Number.NEGATIVE_INFINITY : parseInstant(last);
  if (Number.isNaN(lastT))
    return unchanged(
      makeRejection('escalation.badCase', { field: `/audit/${c.audit.length - 1}/at`, expected: 'an RFC 3339 date-time' }, ref(event)),
    );
  const retry = accepted(c.audit, event.id, at, lastT);
  if (retry === true) return { snapshot, effects: [], duplicate: true };
  if (retry !== false) return unchanged(makeRejection('escalation.badCase', retry, ref(event)));
  if (c.pack.id !== model.pack.id || c.pack.version !== model.pack.version)
    return unchanged(
      reject(
        'escalation.packMismatch',
        { casePack: c.pack.id, caseVersion: c.pack.version, ...{ pack: model.pack.id, version: model.pack.version } },
        event,
      ),
    );
  if (isFinal(c)) return unchanged(reject('escalation.final', { state: c.state }, event));
  if (last !== undefined && at < lastT) return unchanged(reject('escalation.timeBackwards', { at: event.at, last }, event));
  const rule = pick(byState, c, event);
  if (!('apply' in rule)) return unchanged(rule);
  let after: CaseSnapshot;
  if (options?.via === 'xstate') {
    const restored = machine.resolveState({ value: stateValue(c.state), context: c });
    const [next] = xstateTransition(machine, restored, event);
    after = clean({ ...next.context });
    const value = typeof next.value === 'string' ? next.value : Object.entries(next.value).map(([k, v]) => `${k}.${String(v)}`)[0];
    if (value !== after.state)
      return unchanged(
        reject('escalation.notInState', { event: event.type, state: `${c.state} (machine: ${value})`, accepted: [] }, event),
      );
  } else {
    // A rule's apply always returns a fresh object; copy it only when a key was set to undefined.
    after = rule.apply(c, event);
    if (after === c || hasUndefined(after)) after = clean(after);
  }
  if (after.due !== undefined && after.due.at === '')
    return unchanged(
      reject(
        'escalation.badEvent',
        { event: event.type, field: 'at', expected: 'a time whose due times fall before the year 10000' },
        event,
      ),
    );
  return { snapshot: after, effects: deriveEffects(model, c, after) };
}

/** The record of a rejected event for the host's log, built from whatever the event held. */
function rejectedEvent(snapshot: unknown, event: unknown, r: Rejection): RejectedEvent {
  const c = snapshot !== null && typeof snapshot === 'object' ? (snapshot as Record<string, unknown>) : {};
  const e = event !== null && typeof event === 'object' ? (event as Record<string, unknown>) : {};
  const text = (x: unknown) => (typeof x === 'string' ? x.slice(0, 200) : undefined);
  const at = isInstant(e.at) ? e.at : undefined;
  const actor = text(e.actor);
  const role = text(e.role);
  return {
    caseId: text(c.caseId) ?? '',
    state: text(c.state) ?? '',
    owner: text(c.owner) ?? '',
    id: r.event.id.slice(0, 200),
    type: r.event.type.slice(0, 200),
    ...(at !== undefined ? { at } : {}),
    ...(actor !== undefined ? { actor } : {}),
    ...(role !== undefined ? { role } : {}),
    code: r.code,
    params: r.params,
    message: r.message,
  };
}
