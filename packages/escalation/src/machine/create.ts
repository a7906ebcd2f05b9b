import type { ResolvedPack } from '@gridsafe/engine';
import * as E from 'fp-ts/lib/Either.js';
import { assign, setup } from 'xstate';
import type { MachineIssue } from '../errors/codes.js';
import type { EscalationEvent } from '../events.js';
import { allRules } from '../handlers/index.js';
import type { Rule } from '../handlers/rule.js';
import { compilePolicy, type PolicyModel } from '../policy/model.js';
import type { CaseSnapshot } from '../snapshot.js';
import type { Calendar } from '../time/calendar.js';
import { machineIssue } from './issues.js';

/** Options for {@link createEscalationMachine}. */
export interface MachineOptions {
  /** The escalation policy id, when a pack has more than one (default: the pack's own, else the first). */
  policy?: string;
  /** How day units of due times count (default: every day). */
  calendar?: Calendar;
  /** The due time of a tier that gives none for the case's severity (default `P7D`). */
  defaultDue?: string;
}

/** What the machine is built from: the compiled policy and its transitions. */
export interface MachineModel {
  model: PolicyModel;
  rules: Rule[];
  /** The rules from each state, by state. */
  byState: Map<string, Rule[]>;
}

/**
 * Where a machine keeps its model: a key in the global symbol registry, so that a machine built by
 * one copy of this package (its ESM build) is recognised by another (its CJS build) in the same
 * process. The number is the model's layout version.
 */
const MODEL = Symbol.for('@gridsafe/escalation:model/2');

/** An empty case, before `REPORT`. */
export function blankCase(model: PolicyModel, caseId: string): CaseSnapshot {
  const { pack, policy, entry } = model;
  return {
    format: 'gridsafe.case/2',
    caseId,
    pack,
    policy: policy.id,
    state: 'new',
    kind: model.kinds.keys().next().value as string,
    owner: entry.id,
    path: [entry.id],
    rework: 0,
    audit: [],
  };
}

/** The XState machine for a compiled policy (see {@link createEscalationMachine}). */
function build(info: MachineModel) {
  const { model, rules } = info;
  const node = (): { on: Record<string, unknown[]>; description?: string } => ({ on: {} });
  const states: Record<
    string,
    {
      on?: Record<string, unknown[]>;
      states?: Record<string, ReturnType<typeof node>>;
      initial?: string;
      type?: 'final';
      description?: string;
    }
  > = {
    new: { ...node(), description: model.titles.new.zh },
  };
  for (const m of model.tiers.values()) {
    const steps = Object.fromEntries(m.steps.map((s) => [s, { ...node(), description: model.titles[s].zh }]));
    states[m.key] = { initial: 'assign', states: steps, description: m.tier.title.zh };
  }
  states.closed = { type: 'final', description: '已办结' };
  states.voided = { type: 'final', description: '已作废' };
  rules.forEach((r, i) => {
    const [key, step] = r.from.split('.') as [string, string | undefined];
    const at = step ? states[key]?.states?.[step] : states[key];
    const on = at?.on as Record<string, unknown[]>;
    on[r.event] ??= [];
    on[r.event]?.push({
      ...(r.to ? { target: `#case.${r.to}` } : {}),
      guard: { type: 'allowed', params: { i } },
      actions: { type: 'apply', params: { i } },
    });
  });
  return setup({
    types: { context: {} as CaseSnapshot, events: {} as EscalationEvent, input: {} as { caseId: string } | undefined },
    guards: {
      allowed: ({ context, event }, params: { i: number }) => {
        const r = rules[params.i] as Rule;
        return (r.when?.(context, event) ?? true) && r.check(context, event) === undefined;
      },
    },
    actions: {
      apply: assign(({ context, event }, params: { i: number }) => (rules[params.i] as Rule).apply(context, event)),
    },
  }).createMachine({
    id: 'case',
    /** A case starts blank, before `REPORT`. */
    context: ({ input }) => blankCase(model, input?.caseId ?? ''),
    initial: 'new',
    // The configuration is generated from policy data; its shape is checked by XState at run time.
    states: states as never,
  });
}

/** The XState machine of one pack's escalation policy. */
export type EscalationMachine = ReturnType<typeof build>;

/**
 * Generate the hazard-case machine of a resolved pack's escalation policy: one compound state per
 * tier, with the loop's steps (assign, handle, supervise, verify, verified) as its children, and
 * every transition the policy allows, guarded by role and policy checks.
 *
 * @example
 * ```ts
 * import { createEscalationMachine } from '@gridsafe/escalation';
 * import type { ResolvedPack } from '@gridsafe/engine';
 * import * as E from 'fp-ts/lib/Either.js';
 * declare const pack: ResolvedPack;
 * const machine = createEscalationMachine(pack);
 * if (E.isRight(machine)) console.log(Object.keys(machine.right.root.states));
 * ```
 */
export function createEscalationMachine(pack: ResolvedPack, options: MachineOptions = {}): E.Either<MachineIssue[], EscalationMachine> {
  if (pack === null || typeof pack !== 'object' || !Array.isArray(pack.escalations))
    return E.left([
      machineIssue('escalation.noPolicy', { pack: String((pack as { id?: unknown } | null)?.id ?? '(not a resolved pack)') }),
    ]);
  options = options ?? {};
  const policy = options.policy
    ? pack.escalations.find((p) => p.id === options.policy)
    : (pack.escalations.find((p) => p.id.startsWith(`${pack.id}.`)) ?? pack.escalations[0]);
  if (!policy)
    return E.left([machineIssue('escalation.noPolicy', { pack: pack.id, ...(options.policy ? { policy: options.policy } : {}) })]);
  const unknown = [
    policy.entry,
    ...(policy.kinds ?? []).map((k) => k.entry),
    ...policy.tiers.flatMap((t) => (t.escalatesTo ? [t.escalatesTo] : [])),
  ].find((id) => !policy.tiers.some((t) => t.id === id));
  if (unknown) return E.left([machineIssue('escalation.unknownTier', { pack: pack.id, policy: policy.id, tier: unknown })]);
  const model = compilePolicy(pack, policy, options.calendar, options.defaultDue);
  const rules = allRules(model);
  const byState = new Map<string, Rule[]>();
  for (const r of rules) byState.set(r.from, [...(byState.get(r.from) ?? []), r]);
  const info = { model, rules, byState };
  const machine = build(info);
  Object.defineProperty(machine, MODEL, { value: info, enumerable: false });
  return E.right(machine);
}

/**
 * The compiled policy and transitions behind a machine made by {@link createEscalationMachine}
 * (by this copy of the package or another, e.g. its ESM build and its CJS build), or `undefined`
 * for anything else.
 *
 * @example
 * ```ts
 * import { machineModel, type EscalationMachine } from '@gridsafe/escalation';
 * declare const machine: EscalationMachine;
 * console.log(machineModel(machine)?.model.pack); // { id: 'xianyou', version: '1.0.0' }
 * ```
 */
export function machineModel(machine: EscalationMachine): MachineModel | undefined {
  if (machine === null || (typeof machine !== 'object' && typeof machine !== 'function')) return undefined;
  const info = (machine as unknown as Record<symbol, unknown>)[MODEL] as MachineModel | undefined;
  return info !== null && typeof info === 'object' && info.model !== undefined && info.byState instanceof Map ? info : undefined;
}
