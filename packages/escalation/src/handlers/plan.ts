import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import { first, move, needRole, type Rule, reject, stateOf, WORKING } from './rule.js';

/** SUBMIT_PLAN: the remediation plan of a case whose grade needs one (重大), with every field the policy requires. */
export function planRules(model: PolicyModel): Rule[] {
  const fields = model.policy.majorPlan.fields;
  return [...model.tiers.values()].flatMap((m) =>
    WORKING.filter((s) => m.steps.includes(s)).map(
      (step): Rule => ({
        event: 'SUBMIT_PLAN',
        from: stateOf(m, step),
        check: (c, e) => {
          const plan = (e as EventOf<'SUBMIT_PLAN'>).plan;
          return first(
            () => needRole(e, [c.owner, ...(c.departments ?? [])]),
            () => (model.needsPlan(c.grade) ? undefined : reject('escalation.planNotMajor', { severity: c.grade ?? '(none)' }, e)),
            () => (plan && typeof plan === 'object' ? undefined : reject('escalation.missing', { event: e.type, field: 'plan' }, e)),
            () => {
              const missing = fields.filter((f) => typeof plan[f] !== 'string' || plan[f]?.trim() === '');
              return missing.length ? reject('escalation.planIncomplete', { missing }, e) : undefined;
            },
          );
        },
        apply: (c, e) => {
          const plan = (e as EventOf<'SUBMIT_PLAN'>).plan;
          return move(model, c, e, undefined, { plan: Object.fromEntries(fields.map((f) => [f, plan[f] as string])) });
        },
      }),
    ),
  );
}
