import type { EscalationEvent, EscalationEventType } from './events.js';
import { type EscalationMachine, machineModel } from './machine/create.js';
import type { CaseSnapshot } from './snapshot.js';
import { pick } from './transition.js';

/** An event the case accepts in its current state, and the roles that may send it. */
export interface AllowedEvent {
  type: EscalationEventType;
  roles: string[];
}

/**
 * The events the case accepts now and who may send them (for a host's buttons, or a worklist).
 * Payload checks (reasons, evidence, plan) are not applied here: only state and role.
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
  const { model, byState } = machineModel(machine);
  const here = byState.get(snapshot.state) ?? [];
  const roles = [...model.tiers.keys(), ...(snapshot.departments ?? []), 'system'];
  const types = [...new Set(here.map((r) => r.event))];
  return types.map((type) => ({
    type,
    roles: roles.filter((role) => {
      const probe = { type, id: '?', at: snapshot.audit.at(-1)?.at ?? '1970-01-01T00:00:00Z', actor: '?', role } as EscalationEvent;
      const r = pick(byState, snapshot, probe);
      return 'apply' in r || r.code !== 'escalation.role';
    }),
  }));
}
