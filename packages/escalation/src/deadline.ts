import { caseProblem } from './case/decode.js';
import type { CaseSnapshot } from './snapshot.js';
import { parseInstant } from './time/instant.js';

/**
 * When the host should send `DEADLINE` for this case: its due time, or, once overdue, its next
 * reminder. `undefined` only for a closed or voided case, or a row that is not a case: an open case
 * always has a next deadline. The host's scheduler keeps this time; nothing in-process does.
 *
 * @example
 * ```ts
 * import { nextDeadline, type CaseSnapshot } from '@gridsafe/escalation';
 * declare const c: CaseSnapshot;
 * const due = nextDeadline(c);
 * if (due && due.at <= new Date().toISOString()) console.log('send DEADLINE for', c.caseId);
 * ```
 */
export function nextDeadline(snapshot: CaseSnapshot): { at: string; state: string; reminder: boolean } | undefined {
  if (caseProblem(snapshot, false)) return undefined;
  const due = snapshot.due;
  if (!due || snapshot.state === 'closed' || snapshot.state === 'voided') return undefined;
  return { at: due.at, state: due.state, reminder: due.overdue === true };
}

/**
 * The cases among `cases` that are due at `now`, earliest first: what a host's deadline loop sends
 * `DEADLINE` to. Rows that are not cases are never due (find them with `decodeCase`); an empty
 * list when `now` is not an RFC 3339 date-time or `cases` not iterable.
 *
 * @example
 * ```ts
 * import { dueCases, type CaseSnapshot } from '@gridsafe/escalation';
 * declare const rows: CaseSnapshot[];
 * for (const c of dueCases(rows, '2026-03-05T00:00:00Z')) console.log(c.caseId, c.due?.at);
 * ```
 */
export function dueCases<C extends CaseSnapshot>(cases: Iterable<C>, now: string): C[] {
  const t = parseInstant(now);
  if (Number.isNaN(t) || cases === null || typeof (cases as { [Symbol.iterator]?: unknown })?.[Symbol.iterator] !== 'function') return [];
  const due: [C, number][] = [];
  for (const c of cases) {
    const d = nextDeadline(c);
    const at = d ? parseInstant(d.at) : Number.NaN;
    if (at <= t) due.push([c, at]);
  }
  return due.sort((a, b) => a[1] - b[1]).map(([c]) => c);
}
