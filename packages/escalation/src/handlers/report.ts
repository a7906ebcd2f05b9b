import type { EventOf } from '../events.js';
import type { PolicyModel } from '../policy/model.js';
import { first, move, needList, needRole, type Rule, reject, stateOf } from './rule.js';

/** REPORT: the grid worker (entry tier) reports a hazard with photos; the case reaches the entry tier. */
export function reportRules(model: PolicyModel): Rule[] {
  const entry = model.entry;
  return [
    {
      event: 'REPORT',
      from: 'new',
      to: stateOf(entry, 'assign'),
      check: (_c, e) => {
        const ev = e as EventOf<'REPORT'>;
        return first(
          () => needRole(e, [entry.id]),
          () =>
            ev.severity === 'general' || ev.severity === 'major'
              ? undefined
              : reject('escalation.badEvent', { event: e.type, field: 'severity', expected: '"general" or "major"' }, e),
          () => needList(e, 'photos', ev.photos),
        );
      },
      apply: (c, e) => {
        const ev = e as EventOf<'REPORT'>;
        const patch = { severity: ev.severity, path: [entry.id], owner: entry.id, ...(ev.facts ? { facts: ev.facts } : {}) };
        return move(model, c, e, stateOf(entry, 'assign'), patch, { detail: ev.description });
      },
    },
  ];
}
