import type { CaseSnapshot } from './snapshot.js';

/**
 * When the host should send `DEADLINE` for this case, or `undefined` if it need not (closed, voided,
 * or already handled as overdue with nothing more to do). The host's scheduler keeps this time;
 * nothing in-process does.
 *
 * @example
 * ```ts
 * import { nextDeadline, type CaseSnapshot } from '@gridsafe/escalation';
 * declare const c: CaseSnapshot;
 * const due = nextDeadline(c);
 * if (due && due.at <= new Date().toISOString()) console.log('send DEADLINE for', c.caseId);
 * ```
 */
export function nextDeadline(snapshot: CaseSnapshot): { at: string; state: string } | undefined {
  const due = snapshot.due;
  if (!due || due.overdue || snapshot.state === 'closed' || snapshot.state === 'voided') return undefined;
  return { at: due.at, state: due.state };
}

/**
 * The cases among `cases` that are due at `now`, earliest first: what a host's deadline loop sends
 * `DEADLINE` to.
 *
 * @example
 * ```ts
 * import { dueCases, type CaseSnapshot } from '@gridsafe/escalation';
 * declare const rows: CaseSnapshot[];
 * for (const c of dueCases(rows, '2026-03-05T00:00:00Z')) console.log(c.caseId, c.due?.at);
 * ```
 */
export function dueCases<C extends CaseSnapshot>(cases: Iterable<C>, now: string): C[] {
  const t = Date.parse(now);
  return [...cases]
    .filter((c) => {
      const d = nextDeadline(c);
      return d !== undefined && Date.parse(d.at) <= t;
    })
    .sort((a, b) => Date.parse(a.due?.at ?? '') - Date.parse(b.due?.at ?? ''));
}
