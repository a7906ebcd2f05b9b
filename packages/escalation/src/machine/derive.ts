import type { Effect } from '../effects.js';
import { verifierOf } from '../handlers/verify.js';
import type { PolicyModel } from '../policy/model.js';
import { type CaseSnapshot, isFinal } from '../snapshot.js';

const stepOf = (state: string) => state.slice(state.indexOf('.') + 1);

/** The effects of going from one case snapshot to the next: audit, notices and deadlines. */
export function deriveEffects(model: PolicyModel, before: CaseSnapshot, after: CaseSnapshot): Effect[] {
  const entry = after.audit.at(-1);
  const effects: Effect[] = entry ? [{ type: 'audit', entry }] : [];
  const tier = model.tiers.get(after.owner);
  const entered = after.state !== before.state;
  if (after.owner !== before.owner || before.state === 'new') effects.push({ type: 'notify', to: after.owner, why: 'assigned' });
  for (const d of after.departments ?? [])
    if (!before.departments?.includes(d)) effects.push({ type: 'notify', to: d, why: 'departments' });
  if (after.reportedUp !== before.reportedUp)
    for (const id of after.reportedUp ?? [])
      if (!before.reportedUp?.includes(id)) {
        const rule = tier?.tier.reportsUp?.find((r) => r.id === id);
        effects.push({ type: 'notify', to: 'hq', why: 'reportUp', rule: id, ...(rule ? { bodies: rule.to } : {}) });
      }
  if (entered && tier && stepOf(after.state) === 'verify')
    effects.push({ type: 'notify', to: verifierOf(model, tier, after), why: 'verify' });
  if (entered && stepOf(after.state) === 'supervise')
    for (const s of [
      model.policy.supervision.by,
      ...(after.supervisedBy && after.supervisedBy !== model.policy.supervision.by ? [after.supervisedBy] : []),
    ])
      effects.push({ type: 'notify', to: s, why: 'supervise' });
  if (entry?.event === 'ACCEPT' && tier?.tier.actions.includes('notifyHQ'))
    effects.push({ type: 'notify', to: 'hq', why: 'hq', ...(tier.tier.notifies ? { bodies: tier.tier.notifies } : {}) });
  if (entry?.event === 'DEADLINE' && !entered) {
    // A reminder: to the owning tier (or its team), and to those supervising it.
    effects.push({ type: 'notify', to: after.owner, why: 'overdue' });
    for (const s of new Set([model.policy.supervision.by, after.supervisedBy ?? model.policy.supervision.by]))
      if (s !== after.owner) effects.push({ type: 'notify', to: s, why: 'overdue' });
  }
  if (entry?.event === 'REQUEST_EXTENSION' && tier)
    effects.push({ type: 'notify', to: tier.tier.escalatesTo ?? after.supervisedBy ?? model.policy.supervision.by, why: 'extension' });
  if (isFinal(after)) {
    if (before.path[0] && after.state === 'closed') effects.push({ type: 'notify', to: before.path[0], why: 'closed' });
    effects.push({ type: 'cancelDeadline' });
  } else if (after.due && (after.due.at !== before.due?.at || after.due.state !== before.due?.state))
    effects.push({ type: 'scheduleDeadline', at: after.due.at, state: after.due.state });
  return effects;
}
