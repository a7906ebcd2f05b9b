import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import { first, move, needRole, needText, type Rule, stateOf } from './rule.js';

/** RETURN, when the case is not this tier's jurisdiction: back to the tier it came from, with a reason. */
export function returnRules(model: PolicyModel): Rule[] {
  return [...model.tiers.values()].flatMap((m) =>
    m.returnTargets.flatMap((to) => {
      const target = model.tiers.get(to);
      if (!target) return [];
      return (['assign', 'handle'] as const).map(
        (step): Rule => ({
          event: 'RETURN',
          from: stateOf(m, step),
          to: stateOf(target, 'assign'),
          when: (c) => c.path.at(-2) === to,
          check: (c, e) =>
            first(
              () => needRole(e, [c.owner]),
              () => needText(e, 'reason', (e as EventOf<'RETURN'>).reason),
            ),
          apply: (c, e) => {
            return move(model, c, e, stateOf(target, 'assign'), {
              path: c.path.slice(0, -1),
              departments: undefined,
              ...(c.supervisedBy === to ? { supervisedBy: undefined } : {}),
            });
          },
        }),
      );
    }),
  );
}
