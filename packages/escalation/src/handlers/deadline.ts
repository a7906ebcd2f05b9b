import type { PolicyModel, TierModel } from '../policy/model.js';
import type { Step } from '../policy/steps.js';
import { first, move, needRole, type Rule, reject, stateOf } from './rule.js';

/** What an overdue case does in a step: escalate, go under supervision, or only record it. */
export function overdueOutcome(m: TierModel, step: Step): 'escalate' | 'supervise' | 'record' {
  if (step === 'verify' || step === 'verified') return 'record';
  const canEscalate = m.tier.escalatesTo !== undefined && m.canEscalate;
  if (m.tier.onOverdue === 'escalate' && canEscalate) return 'escalate';
  if ((m.tier.onOverdue === 'supervise' || m.tier.onOverdue === 'escalate') && step !== 'supervise' && m.steps.includes('supervise'))
    return 'supervise';
  return 'record';
}

/**
 * DEADLINE, sent by the host (role `system`) at or after the due time: the policy's `onOverdue`
 * escalates the case, puts it under supervision, or (`none`, or nothing more to do) records it as
 * overdue so the host stops firing.
 */
export function deadlineRules(model: PolicyModel): Rule[] {
  return [...model.tiers.values()].flatMap((m) =>
    m.steps.map((step): Rule => {
      const outcome = overdueOutcome(m, step);
      const escalatesTo = m.tier.escalatesTo as string;
      const to =
        outcome === 'escalate'
          ? stateOf(model.tiers.get(escalatesTo) as TierModel, 'assign')
          : outcome === 'supervise'
            ? stateOf(m, 'supervise')
            : undefined;
      return {
        event: 'DEADLINE',
        from: stateOf(m, step),
        to,
        label: 'overdue',
        check: (c, e) =>
          first(
            () => needRole(e, ['system']),
            () =>
              c.due && !c.due.overdue && Date.parse(e.at) >= Date.parse(c.due.at)
                ? undefined
                : reject('escalation.notDue', { due: c.due?.overdue ? 'handled' : (c.due?.at ?? 'none'), at: e.at }, e),
          ),
        apply: (c, e) => {
          if (outcome === 'escalate') {
            return move(model, c, e, to, { path: [...c.path, escalatesTo], departments: undefined }, { detail: 'overdue' });
          }
          if (outcome === 'supervise') return move(model, c, e, to, {}, { detail: 'overdue' });
          return move(model, c, e, undefined, c.due ? { due: { ...c.due, overdue: true } } : {}, { detail: 'overdue' });
        },
      };
    }),
  );
}
