import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import { first, move, needRole, type Rule, reject, stateOf, WORKING } from './rule.js';

/**
 * ESCALATE for one of the reasons the tier lists (`escalatesOn`) that applies to the case's kind and
 * grade: to the tier's `escalatesTo`, or (with `to`) to a tier a skip rule allows for this case.
 * The reason is kept on the audit entry.
 */
export function escalateRules(model: PolicyModel): Rule[] {
  return [...model.tiers.values()].flatMap((m) =>
    m.escalateTargets.flatMap((to) => {
      const target = model.tiers.get(to);
      if (!target) return [];
      const skip = to !== m.tier.escalatesTo;
      // The edge's label names the reasons it may be taken for (their ids' last segments).
      const why = m.escalatesOn.map((r) => r.slice(r.lastIndexOf('.') + 1)).join(' / ');
      const label = skip ? `skip${why ? ` (${why})` : ''}` : why || undefined;
      return WORKING.filter((s) => m.steps.includes(s)).map(
        (step): Rule => ({
          event: 'ESCALATE',
          from: stateOf(m, step),
          to: stateOf(target, 'assign'),
          label,
          when: (_c, e) => ((e as EventOf<'ESCALATE'>).to ?? m.tier.escalatesTo) === to,
          check: (c, e) =>
            first(
              () => needRole(e, [c.owner]),
              () => {
                const reason = (e as EventOf<'ESCALATE'>).reason;
                if (typeof reason !== 'string' || reason === '') return reject('escalation.missing', { event: e.type, field: 'reason' }, e);
                const allowed = model.reasonsFor(m.id, c);
                return allowed.includes(reason)
                  ? undefined
                  : reject('escalation.reason', { event: e.type, tier: m.id, reason, allowed }, e);
              },
              () =>
                skip && !model.skipAllowed(m.id, to, c)
                  ? reject(
                      'escalation.target',
                      { event: e.type, tier: m.id, to, allowed: m.tier.escalatesTo ? [m.tier.escalatesTo] : [] },
                      e,
                    )
                  : undefined,
            ),
          apply: (c, e) =>
            move(
              model,
              c,
              e,
              stateOf(target, 'assign'),
              { path: [...c.path, to], departments: undefined },
              { reason: (e as EventOf<'ESCALATE'>).reason },
            ),
        }),
      );
    }),
  );
}
