import type { PolicyModel, TierModel } from '../policy/model.js';
import type { Step } from '../policy/steps.js';
import { parseInstant } from '../time/instant.js';
import { first, move, needRole, type Rule, reject, reminderAt, stateOf } from './rule.js';

/** What an overdue case does in a step: escalate, go under supervision, or get a reminder (repeated). */
export function overdueOutcome(m: TierModel, step: Step): 'escalate' | 'supervise' | 'remind' {
  if (step === 'verify' || step === 'verified' || step === 'supervise') return 'remind';
  const o = m.tier.onOverdue;
  if (o.action === 'escalate' && m.tier.escalatesTo !== undefined && m.canEscalate && o.because !== undefined) return 'escalate';
  if (o.action === 'supervise' && m.steps.includes('supervise')) return 'supervise';
  return 'remind';
}

/**
 * DEADLINE, sent by the host (role `system`) at or after the due time: the tier's `onOverdue`
 * escalates the case (for the reason it names), puts it under supervision, or reminds. After that,
 * and in supervision, verification and awaiting closure, each DEADLINE is a reminder and sets the
 * next one `supervision.remindEvery` later: an open case always has a next deadline.
 */
export function deadlineRules(model: PolicyModel): Rule[] {
  const due: Rule['check'] = (c, e) =>
    first(
      () => needRole(e, ['system']),
      () =>
        c.due && parseInstant(e.at) >= parseInstant(c.due.at)
          ? undefined
          : reject('escalation.notDue', { due: c.due?.at ?? 'none', at: e.at }, e),
    );
  const remind = (m: TierModel, step: Step, when?: Rule['when']): Rule => ({
    event: 'DEADLINE',
    from: stateOf(m, step),
    label: 'reminder',
    ...(when ? { when } : {}),
    check: due,
    apply: (c, e) => {
      const reminders = (c.reminders ?? 0) + 1;
      const next = { at: reminderAt(model, e.at), state: c.state, overdue: true as const };
      return move(model, c, e, undefined, { reminders, due: next }, { detail: `reminder ${reminders}` });
    },
  });
  return [...model.tiers.values()].flatMap((m) =>
    m.steps.flatMap((step): Rule[] => {
      const outcome = overdueOutcome(m, step);
      if (outcome === 'remind') return [remind(m, step)];
      if (outcome === 'supervise')
        return [
          {
            event: 'DEADLINE',
            from: stateOf(m, step),
            to: stateOf(m, 'supervise'),
            label: 'overdue',
            check: due,
            apply: (c, e) => move(model, c, e, stateOf(m, 'supervise'), {}, { detail: 'overdue' }),
          },
        ];
      // Escalation on overdue is for the reason the tier names; a case that reason does not apply to gets a reminder.
      const escalatesTo = m.tier.escalatesTo as string;
      const because = m.tier.onOverdue.because as string;
      const applies: Rule['when'] = (c) => model.reasonsFor(m.id, c).includes(because);
      const r = model.policy.reasons?.find((x) => x.id === because);
      // A reason for every case (no kinds, no grade) always applies: no reminder rule beside it.
      const always = r !== undefined && r.kinds === undefined && r.atLeast === undefined;
      const to = stateOf(model.tiers.get(escalatesTo) as TierModel, 'assign');
      return [
        {
          event: 'DEADLINE',
          from: stateOf(m, step),
          to,
          label: `overdue (${because.slice(because.lastIndexOf('.') + 1)})`,
          ...(always ? {} : { when: applies }),
          check: due,
          apply: (c, e) =>
            move(model, c, e, to, { path: [...c.path, escalatesTo], departments: undefined }, { detail: 'overdue', reason: because }),
        },
        ...(always ? [] : [remind(m, step, (c, e) => !applies(c, e))]),
      ];
    }),
  );
}
