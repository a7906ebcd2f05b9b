import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import { move, needRole, type Rule, stateOf } from './rule.js';

/** ACCEPT (triage): the owning tier takes the case on (the event's assignee person, else its actor, has it); its due time keeps running from arrival. */
export function acceptRules(model: PolicyModel): Rule[] {
  return [...model.tiers.values()].map((m) => ({
    event: 'ACCEPT',
    from: stateOf(m, 'assign'),
    to: stateOf(m, 'handle'),
    check: (c, e) => needRole(e, [c.owner]),
    apply: (c, e) => {
      const given = (e as EventOf<'ACCEPT'>).assignee;
      const assignee = { ...c.assignee, ...(given?.unit !== undefined ? { unit: given.unit } : {}), person: given?.person ?? e.actor };
      return move(model, c, e, stateOf(m, 'handle'), { assignee }, { keepDue: true });
    },
  }));
}
