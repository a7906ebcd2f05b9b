import type { EventOf } from '../events.js';
import type { PolicyModel, TierModel } from '../policy/model.js';
import { first, move, needRole, needText, type Rule, reject, stateOf, WORKING } from './rule.js';

/** Who decides an extension at tier `m`: the tier above, else the supervising tier. */
export const deciderOf = (model: PolicyModel, m: TierModel) => m.tier.escalatesTo ?? model.policy.supervision.by;

/**
 * REQUEST_EXTENSION (a later due time, with a reason) by the owning tier or its departments, and
 * DECIDE_EXTENSION by the tier above; an approval moves the due time and the audit keeps both.
 */
export function extensionRules(model: PolicyModel): Rule[] {
  return [...model.tiers.values()].flatMap((m) =>
    WORKING.filter((s) => m.steps.includes(s)).flatMap((step): Rule[] => [
      {
        event: 'REQUEST_EXTENSION',
        from: stateOf(m, step),
        check: (c, e) => {
          const ev = e as EventOf<'REQUEST_EXTENSION'>;
          const due = c.due?.at ?? e.at;
          return first(
            () => needRole(e, [c.owner, ...(c.departments ?? [])]),
            () => needText(e, 'reason', ev.reason),
            () => (c.extension ? reject('escalation.extension', { pending: true }, e) : undefined),
            () =>
              typeof ev.until === 'string' && Date.parse(ev.until) > Date.parse(due)
                ? undefined
                : reject('escalation.extensionNotLater', { due, until: String(ev.until) }, e),
          );
        },
        apply: (c, e) => {
          const ev = e as EventOf<'REQUEST_EXTENSION'>;
          const until = new Date(Date.parse(ev.until)).toISOString();
          return move(
            model,
            c,
            e,
            undefined,
            { extension: { until, reason: ev.reason, by: e.role } },
            { detail: `${c.due?.at} → ${until}: ${ev.reason}` },
          );
        },
      },
      {
        event: 'DECIDE_EXTENSION',
        from: stateOf(m, step),
        check: (c, e) =>
          first(
            () => needRole(e, [deciderOf(model, m)]),
            () => (c.extension ? undefined : reject('escalation.extension', { pending: false }, e)),
          ),
        apply: (c, e) => {
          const extension = c.extension;
          const approve = (e as EventOf<'DECIDE_EXTENSION'>).approve === true;
          const patch = {
            extension: undefined,
            ...(approve && extension && c.due ? { due: { at: extension.until, state: c.due.state } } : {}),
          };
          const detail = `${approve ? 'approved' : 'refused'}: ${c.due?.at} → ${approve ? extension?.until : c.due?.at}`;
          return move(model, c, e, undefined, patch, { detail });
        },
      },
    ]),
  );
}
