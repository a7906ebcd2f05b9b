import { caseProblem, upgradeCase } from './case/decode.js';
import type { EscalationEvent, EscalationEventType } from './events.js';
import { type EscalationMachine, machineModel } from './machine/create.js';
import type { CaseSnapshot } from './snapshot.js';
import { pick } from './transition.js';

/** An event the case accepts in its current state, and the roles that may send it. */
export interface AllowedEvent {
  type: EscalationEventType;
  roles: string[];
  /** For ESCALATE: the reasons the case may go up for from here (the tier's reasons that apply to its kind and grade). */
  reasons?: string[];
}

/**
 * The events the case accepts now and who may send them (for a host's buttons, or a worklist).
 * Payload checks (reasons, evidence, plan) are not applied here: only state and role; for ESCALATE
 * the reasons the policy allows are listed. Empty for a row that is not a case or a machine that
 * is not one.
 *
 * @example
 * ```ts
 * import { allowedEvents, type CaseSnapshot, type EscalationMachine } from '@gridsafe/escalation';
 * declare const machine: EscalationMachine;
 * declare const c: CaseSnapshot;
 * for (const a of allowedEvents(machine, c)) console.log(a.type, a.roles.join(', '));
 * ```
 */
export function allowedEvents(machine: EscalationMachine, snapshot: CaseSnapshot): AllowedEvent[] {
  const info = machineModel(machine);
  if (!info || caseProblem(snapshot, false)) return [];
  const { model, byState } = info;
  const c = upgradeCase(snapshot as unknown as Record<string, unknown>);
  const here = byState.get(c.state) ?? [];
  const roles = [...model.tiers.keys(), ...(c.departments ?? []), 'system'];
  const types = [...new Set(here.map((r) => r.event))];
  return types.map((type) => {
    const allowed = roles.filter((role) => {
      const probe = { type, id: '?', at: c.audit.at(-1)?.at ?? '1970-01-01T00:00:00Z', actor: '?', role } as EscalationEvent;
      const r = pick(byState, c, probe);
      return 'apply' in r || r.code !== 'escalation.role';
    });
    return type === 'ESCALATE' ? { type, roles: allowed, reasons: model.reasonsFor(c.owner, c) } : { type, roles: allowed };
  });
}
