import { transition as xstateTransition } from 'xstate';
import type { Rejection } from './errors/codes.js';
import { ESCALATION_EVENT_TYPES, type EscalationEvent } from './events.js';
import { type Rule, reject } from './handlers/rule.js';
import { type EscalationMachine, machineModel } from './machine/create.js';
import { deriveEffects } from './machine/derive.js';
import { type CaseSnapshot, isFinal } from './snapshot.js';

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

function shape(c: CaseSnapshot, e: EscalationEvent): Rejection | undefined {
  const bad = (field: string, expected: string) => reject('escalation.badEvent', { event: String(e?.type), field, expected }, e);
  if (!EVENT_TYPES.has(e.type)) return bad('type', `one of ${ESCALATION_EVENT_TYPES.join(', ')}`);
  if (typeof e.id !== 'string' || e.id === '') return bad('id', 'a non-empty string');
  if (typeof e.role !== 'string' || typeof e.actor !== 'string') return bad(typeof e.role !== 'string' ? 'role' : 'actor', 'a string');
  const at = typeof e.at === 'string' ? Date.parse(e.at) : Number.NaN;
  if (Number.isNaN(at)) return bad('at', 'an ISO 8601 date-time');
  const to = (e as { to?: unknown }).to;
  if (to !== undefined && typeof to !== 'string' && !isIdList(to)) return bad('to', 'an id or a list of ids');
  const last = c.audit[c.audit.length - 1]?.at;
  if (last && at < Date.parse(last)) return reject('escalation.timeBackwards', { at: e.at, last }, e);
  return undefined;
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
 * machine's transitions (its guards and context updates; see {@link TransitionOptions}). Returns the new snapshot and the effects the host should carry out; a
 * rejected event returns the same snapshot with the reason; a duplicate event id changes nothing.
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
  const { model, byState } = machineModel(machine);
  const unchanged = (rejected: Rejection): TransitionResult => ({ snapshot, effects: [], rejected });
  if (typeof event?.id === 'string')
    for (const a of snapshot.audit) if (a.id === event.id) return { snapshot, effects: [], duplicate: true };
  if (snapshot.pack.id !== model.pack.id || snapshot.pack.version !== model.pack.version)
    return unchanged(
      reject(
        'escalation.packMismatch',
        { casePack: snapshot.pack.id, caseVersion: snapshot.pack.version, ...{ pack: model.pack.id, version: model.pack.version } },
        event,
      ),
    );
  if (isFinal(snapshot)) return unchanged(reject('escalation.final', { state: snapshot.state }, event));
  const bad = shape(snapshot, event);
  if (bad) return unchanged(bad);
  const rule = pick(byState, snapshot, event);
  if (!('apply' in rule)) return unchanged(rule);
  let after: CaseSnapshot;
  if (options.via === 'xstate') {
    const restored = machine.resolveState({ value: stateValue(snapshot.state), context: snapshot });
    const [next] = xstateTransition(machine, restored, event);
    after = clean({ ...next.context });
    const value = typeof next.value === 'string' ? next.value : Object.entries(next.value).map(([k, v]) => `${k}.${String(v)}`)[0];
    if (value !== after.state) throw new Error(`machine and rules disagree: ${value} vs ${after.state}`);
  } else {
    // A rule's apply always returns a fresh object; copy it only when a key was set to undefined.
    after = rule.apply(snapshot, event);
    if (after === snapshot || hasUndefined(after)) after = clean(after);
  }
  return { snapshot: after, effects: deriveEffects(model, snapshot, after) };
}
