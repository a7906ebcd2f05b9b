import type { PolicyModel } from '../policy/model.js';
import { move, needRole, type Rule, stateOf } from './rule.js';

/** ACCEPT (triage): the owning tier takes the case on; its due time keeps running from arrival. */
export function acceptRules(model: PolicyModel): Rule[] {
  return [...model.tiers.values()].map((m) => ({
    event: 'ACCEPT',
    from: stateOf(m, 'assign'),
    to: stateOf(m, 'handle'),
    check: (c, e) => needRole(e, [c.owner]),
    apply: (c, e) => move(model, c, e, stateOf(m, 'handle'), {}, { keepDue: true }),
  }));
}
