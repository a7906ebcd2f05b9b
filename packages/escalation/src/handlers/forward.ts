import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import { first, move, needRole, type Rule, reject, stateOf, WORKING } from './rule.js';

const targets = (e: EventOf<'FORWARD'>) => (Array.isArray(e.to) ? e.to : [e.to]);

/**
 * FORWARD to a tier the policy lists in `forwardsTo` (the case moves there), or to one or more
 * departments: the tier keeps the case and tracks it while they act. Several departments are a
 * joint team with a lead (`lead`: one of them, or the tier itself; default the first), each
 * completing its part with RESOLVE.
 */
export function forwardRules(model: PolicyModel): Rule[] {
  return [...model.tiers.values()].flatMap((m) => {
    const steps = WORKING.filter((s) => m.steps.includes(s));
    const toTier = m.forwardTiers.flatMap((to) => {
      const target = model.tiers.get(to);
      if (!target) return [];
      return steps.map(
        (step): Rule => ({
          event: 'FORWARD',
          from: stateOf(m, step),
          to: stateOf(target, 'assign'),
          when: (_c, e) => targets(e as EventOf<'FORWARD'>).length === 1 && targets(e as EventOf<'FORWARD'>)[0] === to,
          check: (c, e) => needRole(e, [c.owner]),
          apply: (c, e) => move(model, c, e, stateOf(target, 'assign'), { path: [...c.path, to], departments: undefined }),
        }),
      );
    });
    if (m.forwardDepts.length === 0) return toTier;
    const toDepts = steps.map(
      (step): Rule => ({
        event: 'FORWARD',
        from: stateOf(m, step),
        to: stateOf(m, 'handle'),
        label: 'departments',
        when: (_c, e) => {
          const to = targets(e as EventOf<'FORWARD'>);
          return to.length > 0 && to.every((d) => m.forwardDepts.includes(d));
        },
        check: (c, e) =>
          first(
            () => needRole(e, [c.owner]),
            () => {
              const lead = (e as EventOf<'FORWARD'>).lead;
              const allowed = [...targets(e as EventOf<'FORWARD'>), c.owner];
              return lead === undefined || (typeof lead === 'string' && allowed.includes(lead))
                ? undefined
                : reject('escalation.badEvent', { event: e.type, field: 'lead', expected: `one of ${allowed.join(', ')}` }, e);
            },
          ),
        apply: (c, e) => {
          const ev = e as EventOf<'FORWARD'>;
          const departments = [...new Set(targets(ev))];
          return move(model, c, e, stateOf(m, 'handle'), {
            departments,
            lead: ev.lead ?? (departments[0] as string),
            completed: [],
          });
        },
      }),
    );
    return [...toTier, ...toDepts];
  });
}
