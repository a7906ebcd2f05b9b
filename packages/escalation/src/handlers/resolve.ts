import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import { first, move, needList, needRole, type Rule, reject, stateOf, WORKING } from './rule.js';

/**
 * RESOLVE with rectification evidence, by the owning tier (if the policy lets it resolve or act by
 * law) or a department it forwarded the case to. A major hazard needs its plan first. The case goes
 * to verification when the policy requires it (or for a major hazard reviewed before closing).
 */
export function resolveRules(model: PolicyModel): Rule[] {
  const { majorPlan } = model.policy;
  return [...model.tiers.values()].flatMap((m) => {
    if (!m.steps.includes('verified')) return [];
    const roles = (c: { owner: string; departments?: string[] }) => [...(m.canResolve ? [c.owner] : []), ...(c.departments ?? [])];
    const check: Rule['check'] = (c, e) =>
      first(
        () => needRole(e, roles(c)),
        () => needList(e, 'evidence', (e as EventOf<'RESOLVE'>).evidence),
        () =>
          c.severity === 'major' && majorPlan.required && !c.plan
            ? reject('escalation.planRequired', { fields: [...majorPlan.fields] }, e)
            : undefined,
      );
    const someVerify = model.needsVerify('general') || model.needsVerify('major');
    const allVerify = model.needsVerify('general') && model.needsVerify('major');
    // A tier that cannot resolve itself waits for its departments, which it assigns from handle.
    const from = WORKING.filter((s) => m.steps.includes(s) && (m.canResolve || s !== 'assign'));
    return from.flatMap((step): Rule[] => [
      ...(someVerify
        ? [
            {
              event: 'RESOLVE' as const,
              from: stateOf(m, step),
              to: stateOf(m, 'verify'),
              label: 'verification',
              when: (c) => model.needsVerify(c.severity),
              check,
              apply: (c, e) => move(model, c, e, stateOf(m, 'verify')),
            } satisfies Rule,
          ]
        : []),
      ...(allVerify
        ? []
        : [
            {
              event: 'RESOLVE' as const,
              from: stateOf(m, step),
              to: stateOf(m, 'verified'),
              label: someVerify ? 'no verification' : undefined,
              when: (c) => !model.needsVerify(c.severity),
              check,
              apply: (c, e) => move(model, c, e, stateOf(m, 'verified')),
            } satisfies Rule,
          ]),
    ]);
  });
}
