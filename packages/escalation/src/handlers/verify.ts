import type { EventOf } from '../events.js';
import type { PolicyModel, TierModel } from '../policy/model.js';
import type { CaseSnapshot } from '../snapshot.js';
import { first, move, needRole, needText, type Rule, stateOf } from './rule.js';

/** Who verifies a case resolved at tier `m`, by the policy's `verification.by`. */
export function verifierOf(model: PolicyModel, m: TierModel, c: Pick<CaseSnapshot, 'path' | 'supervisedBy'>): string {
  const by = model.policy.verification.by;
  if (by === 'reportingTier') return c.path.at(-2) ?? m.id;
  if (by === 'upperTier') return upperOf(model, m, c);
  return m.id;
}

/** The tier above a case at tier `m`: the tier that sent it down, else `escalatesTo`, else the supervising tier. */
export function upperOf(model: PolicyModel, m: TierModel, c: Pick<CaseSnapshot, 'supervisedBy'>): string {
  return (
    (c.supervisedBy !== undefined && c.supervisedBy !== m.id ? c.supervisedBy : undefined) ??
    m.tier.escalatesTo ??
    model.policy.supervision.by
  );
}

/**
 * VERIFY_PASS and VERIFY_FAIL by the verifying tier. A failed check sends the case back to the
 * owning tier as rework (a joint team starts its completions again); with supervision triggered by
 * repeated rework, the second failure puts the case under supervision.
 */
export function verifyRules(model: PolicyModel): Rule[] {
  const repeated = model.policy.supervision.trigger === 'repeatedRework';
  return [...model.tiers.values()].flatMap((m): Rule[] => {
    if (!m.steps.includes('verify')) return [];
    const from = stateOf(m, 'verify');
    const role: Rule['check'] = (c, e) => needRole(e, [verifierOf(model, m, c)]);
    const toSupervise = (c: CaseSnapshot) => repeated && m.steps.includes('supervise') && c.rework + 1 >= 2;
    const fail =
      (to: string): Rule['apply'] =>
      (c, e) =>
        move(model, c, e, to, { rework: c.rework + 1, ...(c.departments?.length ? { completed: [] } : {}) });
    const failCheck: Rule['check'] = (c, e) =>
      first(
        () => role(c, e),
        () => needText(e, 'reason', (e as EventOf<'VERIFY_FAIL'>).reason),
      );
    const rules: Rule[] = [
      { event: 'VERIFY_PASS', from, to: stateOf(m, 'verified'), check: role, apply: (c, e) => move(model, c, e, stateOf(m, 'verified')) },
      {
        event: 'VERIFY_FAIL',
        from,
        to: stateOf(m, 'handle'),
        label: 'rework',
        when: (c) => !toSupervise(c),
        check: failCheck,
        apply: fail(stateOf(m, 'handle')),
      },
    ];
    if (repeated && m.steps.includes('supervise'))
      rules.push({
        event: 'VERIFY_FAIL',
        from,
        to: stateOf(m, 'supervise'),
        label: 'repeated rework',
        when: toSupervise,
        check: failCheck,
        apply: fail(stateOf(m, 'supervise')),
      });
    return rules;
  });
}
