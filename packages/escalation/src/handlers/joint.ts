import type { PolicyModel } from '../policy/model.js';
import type { CaseSnapshot } from '../snapshot.js';

/** The members of a case's joint team: its departments, and the owning tier when it leads. */
export function teamOf(c: Pick<CaseSnapshot, 'departments' | 'lead' | 'owner'>): string[] {
  const depts = c.departments ?? [];
  return c.lead === c.owner && !depts.includes(c.owner) ? [...depts, c.owner] : depts;
}

/** Who may send RESOLVE now: the team members that have not completed, else the owning tier if it may resolve. */
export function resolvers(c: CaseSnapshot, ownerMayResolve: boolean): string[] {
  if (c.departments?.length) {
    const done = c.completed ?? [];
    return teamOf(c).filter((d) => !done.includes(d));
  }
  return ownerMayResolve ? [c.owner] : [];
}

/**
 * Whether a RESOLVE by `role` resolves the case: always without a team; with one, when the policy
 * resolves on the lead and `role` is the lead (or the lead has completed), or resolves on all and
 * `role` is the last member to complete.
 */
export function resolvesCase(model: PolicyModel, c: CaseSnapshot, role: string): boolean {
  if (!c.departments?.length) return true;
  const done = [...(c.completed ?? []), role];
  if (model.resolveWhen === 'lead') return c.lead !== undefined && done.includes(c.lead);
  return teamOf(c).every((d) => done.includes(d));
}
