import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import type { CaseSnapshot } from '../snapshot.js';
import { resolvers, resolvesCase } from './joint.js';
import { first, move, needList, needRole, type Rule, reject, stateOf, WORKING } from './rule.js';

/**
 * RESOLVE with rectification evidence, by the owning tier (if the policy lets it resolve or act by
 * law) or, when it forwarded the case, by each member of the team in turn. A case of a grade that
 * needs a plan needs it first. A team's RESOLVE records that member's completion; the case is
 * resolved when the policy's `jointHandling.resolveWhen` says (the lead, or all), and then goes to
 * verification when the policy requires it. A member completing after the case resolved (under
 * `lead`) is recorded too.
 */
export function resolveRules(model: PolicyModel): Rule[] {
  const { majorPlan } = model.policy;
  return [...model.tiers.values()].flatMap((m) => {
    if (!m.steps.includes('verified')) return [];
    const check: Rule['check'] = (c, e) =>
      first(
        () => needRole(e, resolvers(c, m.canResolve)),
        () => needList(e, 'evidence', (e as EventOf<'RESOLVE'>).evidence),
        () =>
          model.needsPlan(c.grade) && majorPlan.required && !c.plan
            ? reject('escalation.planRequired', { fields: [...majorPlan.fields] }, e)
            : undefined,
      );
    const evidence = (c: CaseSnapshot, e: EventOf<'RESOLVE'>) => [...(c.evidence?.resolution ?? []), ...e.evidence];
    const patch = (c: CaseSnapshot, e: EventOf<'RESOLVE'>): Partial<CaseSnapshot> => ({
      evidence: { report: c.evidence?.report ?? [], resolution: evidence(c, e) },
      ...(c.departments?.length ? { completed: [...(c.completed ?? []), e.role] } : {}),
    });
    const someVerify = model.grades.some((g) => model.needsVerify(g)) || model.needsVerify(undefined);
    const allVerify = model.grades.every((g) => model.needsVerify(g)) && model.needsVerify(undefined);
    // A tier that cannot resolve itself waits for its departments, which it assigns from handle.
    const from = WORKING.filter((s) => m.steps.includes(s) && (m.canResolve || s !== 'assign'));
    // A joint team exists only after FORWARD to departments, which leaves the case in handle.
    const team = m.forwardDepts.length > 0;
    const rules = from.flatMap((step): Rule[] => [
      ...(team && step !== 'assign'
        ? [
            {
              event: 'RESOLVE',
              from: stateOf(m, step),
              label: 'joint: part done',
              when: (c, e) => !resolvesCase(model, c, e.role),
              check,
              apply: (c, e) => move(model, c, e, undefined, patch(c, e as EventOf<'RESOLVE'>)),
            } satisfies Rule,
          ]
        : []),
      ...(someVerify
        ? [
            {
              event: 'RESOLVE' as const,
              from: stateOf(m, step),
              to: stateOf(m, 'verify'),
              label: 'verification',
              when: (c: CaseSnapshot, e: { role: string }) => resolvesCase(model, c, e.role) && model.needsVerify(c.grade),
              check,
              apply: (c: CaseSnapshot, e: EventOf<'RESOLVE'>) => move(model, c, e, stateOf(m, 'verify'), patch(c, e)),
            } as Rule,
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
              when: (c: CaseSnapshot, e: { role: string }) => resolvesCase(model, c, e.role) && !model.needsVerify(c.grade),
              check,
              apply: (c: CaseSnapshot, e: EventOf<'RESOLVE'>) => move(model, c, e, stateOf(m, 'verified'), patch(c, e)),
            } as Rule,
          ]),
    ]);
    // After a case resolved on its lead, the other members may still complete their part.
    const late = (['verify', 'verified'] as const)
      .filter((s) => m.steps.includes(s) && m.forwardDepts.length > 0 && model.resolveWhen === 'lead')
      .map(
        (step): Rule => ({
          event: 'RESOLVE',
          from: stateOf(m, step),
          label: 'joint: part done',
          check: (c, e) =>
            first(
              () => needRole(e, c.departments?.length ? resolvers(c, false) : []),
              () => needList(e, 'evidence', (e as EventOf<'RESOLVE'>).evidence),
            ),
          apply: (c, e) => move(model, c, e, undefined, patch(c, e as EventOf<'RESOLVE'>)),
        }),
      );
    return [...rules, ...late];
  });
}
