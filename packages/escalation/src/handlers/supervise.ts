import type { PolicyModel } from '../policy/model.js';
import type { CaseSnapshot } from '../snapshot.js';
import { move, needRole, type Rule, stateOf } from './rule.js';

/** The tiers that may supervise case `c`: the policy's supervisors, and the tier that sent it down, other than its owner. */
export function supervisorsOf(model: PolicyModel, c: Pick<CaseSnapshot, 'owner' | 'supervisedBy'>): string[] {
  const all =
    c.supervisedBy !== undefined && !model.supervisors.includes(c.supervisedBy)
      ? [...model.supervisors, c.supervisedBy]
      : model.supervisors;
  return all.filter((s) => s !== c.owner);
}

/** SUPERVISE (督办) by a supervising tier other than the owner (or the tier that sent the case down): the case is handled under supervision. */
export function superviseRules(model: PolicyModel): Rule[] {
  const sentDownTo = new Set([...model.tiers.values()].flatMap((m) => m.sendDownTiers));
  return [...model.tiers.values()].flatMap((m) =>
    !m.steps.includes('supervise') || (!model.supervisors.some((s) => s !== m.id) && !sentDownTo.has(m.id))
      ? []
      : (['assign', 'handle'] as const).map(
          (step): Rule => ({
            event: 'SUPERVISE',
            from: stateOf(m, step),
            to: stateOf(m, 'supervise'),
            check: (c, e) => needRole(e, supervisorsOf(model, c)),
            apply: (c, e) => move(model, c, e, stateOf(m, 'supervise')),
          }),
        ),
  );
}
