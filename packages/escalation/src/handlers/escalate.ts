import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import { first, move, needRole, needText, type Rule, reject, stateOf, WORKING } from './rule.js';

/**
 * ESCALATE with the reason this tier cannot remove the hazard: to the tier's `escalatesTo`, or (with
 * `to`) to a tier a skip rule allows for this case's severity and facts.
 */
export function escalateRules(model: PolicyModel): Rule[] {
  return [...model.tiers.values()].flatMap((m) =>
    m.escalateTargets.flatMap((to) => {
      const target = model.tiers.get(to);
      if (!target) return [];
      const skip = to !== m.tier.escalatesTo;
      return WORKING.filter((s) => m.steps.includes(s)).map(
        (step): Rule => ({
          event: 'ESCALATE',
          from: stateOf(m, step),
          to: stateOf(target, 'assign'),
          label: skip ? 'skip' : undefined,
          when: (_c, e) => ((e as EventOf<'ESCALATE'>).to ?? m.tier.escalatesTo) === to,
          check: (c, e) =>
            first(
              () => needRole(e, [c.owner]),
              () => needText(e, 'reason', (e as EventOf<'ESCALATE'>).reason),
              () =>
                skip && !model.skipAllowed(m.id, to, c.severity, c.facts)
                  ? reject(
                      'escalation.target',
                      { event: e.type, tier: m.id, to, allowed: m.tier.escalatesTo ? [m.tier.escalatesTo] : [] },
                      e,
                    )
                  : undefined,
            ),
          apply: (c, e) => {
            return move(model, c, e, stateOf(target, 'assign'), { path: [...c.path, to], departments: undefined });
          },
        }),
      );
    }),
  );
}
