import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import { isoInstant, parseInstant } from '../time/instant.js';
import { first, move, needRole, needText, type Rule, reject, stateOf, WORKING } from './rule.js';
import { upperOf } from './verify.js';

/**
 * REQUEST_EXTENSION (a later due time, with a reason) by the owning tier or its departments, and
 * DECIDE_EXTENSION by the tier above (the tier that sent the case down, else `escalatesTo`, else the supervising tier); an approval moves the due time and the audit keeps both.
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
              parseInstant(ev.until) > parseInstant(due)
                ? undefined
                : reject('escalation.extensionNotLater', { due, until: String(ev.until) }, e),
          );
        },
        apply: (c, e) => {
          const ev = e as EventOf<'REQUEST_EXTENSION'>;
          const until = isoInstant(ev.until);
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
            () => needRole(e, [upperOf(model, m, c)]),
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
