import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import { first, move, needRole, needText, type Rule, stateOf } from './rule.js';

/** CLOSE a verified case (owning tier), and VOID an open one with a reason (owner, supervising tier, or the tier that sent it down). */
export function closeRules(model: PolicyModel): Rule[] {
  return [...model.tiers.values()].flatMap((m): Rule[] => [
    ...(m.steps.includes('verified')
      ? [
          {
            event: 'CLOSE' as const,
            from: stateOf(m, 'verified'),
            to: 'closed',
            check: (c, e) => needRole(e, [c.owner]),
            apply: (c, e) => move(model, c, e, 'closed'),
          } satisfies Rule,
        ]
      : []),
    ...m.steps.map(
      (step): Rule => ({
        event: 'VOID',
        from: stateOf(m, step),
        to: 'voided',
        check: (c, e) =>
          first(
            () => needRole(e, [...new Set([c.owner, model.policy.supervision.by, ...(c.supervisedBy ? [c.supervisedBy] : [])])]),
            () => needText(e, 'reason', (e as EventOf<'VOID'>).reason),
          ),
        apply: (c, e) => move(model, c, e, 'voided'),
      }),
    ),
  ]);
}
