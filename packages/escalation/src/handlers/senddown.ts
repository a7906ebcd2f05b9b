import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import { first, move, needRole, type Rule, stateOf, WORKING } from './rule.js';

/**
 * SEND_DOWN (交办): a tier that received a case (a complaint at the city) sends it down to a tier
 * it lists in `sendsDownTo`; the case moves there and the sending tier supervises it from above
 * (it may SUPERVISE, verify under `upperTier`, decide extensions and VOID).
 */
export function sendDownRules(model: PolicyModel): Rule[] {
  return [...model.tiers.values()].flatMap((m) =>
    m.sendDownTiers.flatMap((to) => {
      const target = model.tiers.get(to);
      if (!target) return [];
      return WORKING.filter((s) => m.steps.includes(s)).map(
        (step): Rule => ({
          event: 'SEND_DOWN',
          from: stateOf(m, step),
          to: stateOf(target, 'assign'),
          label: '交办',
          when: (_c, e) => (e as EventOf<'SEND_DOWN'>).to === to,
          check: (c, e) => first(() => needRole(e, [c.owner])),
          apply: (c, e) =>
            move(model, c, e, stateOf(target, 'assign'), { path: [...c.path, to], departments: undefined, supervisedBy: m.id }),
        }),
      );
    }),
  );
}
