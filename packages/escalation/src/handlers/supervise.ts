import type { PolicyModel } from '../policy/model.js';
import { move, needRole, type Rule, stateOf } from './rule.js';

/** SUPERVISE (督办) by a supervising tier other than the owner: the case is handled under supervision. */
export function superviseRules(model: PolicyModel): Rule[] {
  return [...model.tiers.values()].flatMap((m) =>
    !m.steps.includes('supervise') || !model.supervisors.some((s) => s !== m.id)
      ? []
      : (['assign', 'handle'] as const).map(
          (step): Rule => ({
            event: 'SUPERVISE',
            from: stateOf(m, step),
            to: stateOf(m, 'supervise'),
            check: (c, e) =>
              needRole(
                e,
                model.supervisors.filter((s) => s !== c.owner),
              ),
            apply: (c, e) => move(model, c, e, stateOf(m, 'supervise')),
          }),
        ),
  );
}
