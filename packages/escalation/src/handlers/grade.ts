import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import { first, move, needRole, type Rule, reject, stateOf, WORKING } from './rule.js';

/**
 * GRADE (研判): the owning tier judges the case to be of a grade of the policy (a case reported
 * without one, or one it re-judges). The due time stands; the tier's report-up rules for the new
 * grade fire.
 */
export function gradeRules(model: PolicyModel): Rule[] {
  return [...model.tiers.values()].flatMap((m) =>
    WORKING.filter((s) => m.steps.includes(s)).map(
      (step): Rule => ({
        event: 'GRADE',
        from: stateOf(m, step),
        check: (c, e) =>
          first(
            () => needRole(e, [c.owner]),
            () => {
              const grade = (e as EventOf<'GRADE'>).grade;
              return typeof grade === 'string' && model.grades.includes(grade)
                ? undefined
                : reject('escalation.badEvent', { event: e.type, field: 'grade', expected: `one of ${model.grades.join(', ')}` }, e);
            },
          ),
        apply: (c, e) => {
          const grade = (e as EventOf<'GRADE'>).grade;
          return move(
            model,
            c,
            e,
            undefined,
            { grade },
            { detail: `${c.grade ?? '-'} → ${grade}${(e as EventOf<'GRADE'>).note ? `: ${(e as EventOf<'GRADE'>).note}` : ''}` },
          );
        },
      }),
    ),
  );
}
