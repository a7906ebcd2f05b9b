import { type Issue, makeIssue } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { CaseSnapshot } from './snapshot.js';

/**
 * The scoring record of one hazard case (a `hazard` record of `@gridsafe/scoring`): where and when
 * it was reported, its tier, how it stood at the period's end, its deadline and closing day.
 */
export interface CaseRecord {
  type: 'hazard';
  /** The unit the case is scored to (the unit of the grid it was found in). */
  unit: string;
  /** The day it was reported (the date of its `REPORT`, as written). */
  date: string;
  /** The case id. */
  id: string;
  /**
   * `major` for a case graded `major` (重大); any other grade (such as 较大 `larger`), and a case
   * not graded, is `general`: scoring's hazard records know these two tiers.
   */
  tier: 'general' | 'major';
  /** `closed`; `handled` when resolved and waiting for verification; else `open`. */
  state: 'open' | 'handled' | 'closed';
  /** The day it was first due: its first deadline that passed, else its due time, else its closing day, else the period's end; never before `date`. */
  dueOn: string;
  /** The day it was closed. */
  closedOn?: string;
  /** Whether the tier that opened it passed it on before its own deadline. */
  reportedImmediately: boolean;
  /** Whether it failed verification at least once. */
  reworked: boolean;
}

/** Options of {@link caseRecords}. */
export interface CaseRecordOptions {
  /** The period's last day (`YYYY-MM-DD`): what an open case with no due time counts as due on. */
  periodEnd: string;
  /** The unit a case is scored to: the unit of the grid it was found in. A case without one is an error. */
  unit: (snapshot: CaseSnapshot) => string | undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (at: string) => at.slice(0, 10);
const laterDay = (a: string, b: string) => (a < b ? b : a);
const where = (pointer: string) => ({ file: '(cases)', line: 1, column: 1, pointer });

/** One case's record, or why it has none; `undefined` for a case that counts as no hazard (voided, or never reported). */
function recordOf(c: CaseSnapshot, i: number, options: CaseRecordOptions): CaseRecord | Issue | undefined {
  if (c === null || typeof c !== 'object' || !Array.isArray(c.audit))
    return makeIssue('schema.type', where(`/${i}`), { expected: 'a case snapshot' });
  if (c.state === 'voided' || c.state === 'new') return undefined;
  const report = c.audit[0];
  if (report?.event !== 'REPORT' || typeof report.at !== 'string')
    return makeIssue('schema.required', where(`/${i}/audit/0`), { property: 'REPORT' });
  const unit = options.unit(c);
  if (typeof unit !== 'string' || unit === '') return makeIssue('schema.required', where(`/${i}`), { property: 'unit' });
  const date = dayOf(report.at);
  const entry = report.tier;
  let closed: string | undefined;
  let firstDeadline: string | undefined;
  let lateAtEntry = false;
  let owner = entry;
  for (const a of c.audit) {
    if (a.event === 'CLOSE' && closed === undefined) closed = a.at;
    if (a.event === 'DEADLINE') {
      firstDeadline ??= a.at;
      // Late at the entry tier: a deadline passed while the tier that opened the case still had it.
      if (owner === entry) lateAtEntry = true;
    }
    owner = a.tier;
  }
  const dueOn = firstDeadline ? dayOf(firstDeadline) : c.due ? dayOf(c.due.at) : closed ? dayOf(closed) : options.periodEnd;
  return {
    type: 'hazard',
    unit,
    date,
    id: c.caseId,
    tier: c.grade === 'major' ? 'major' : 'general',
    state: c.state === 'closed' ? 'closed' : /verif/.test(c.state) ? 'handled' : 'open',
    dueOn: laterDay(dueOn, date),
    ...(closed ? { closedOn: dayOf(closed) } : {}),
    reportedImmediately: !lateAtEntry,
    reworked: c.rework > 0,
  };
}

/**
 * The scoring records of hazard cases, each as the period left it: the `hazard` records a
 * pack's hazard metrics read (reported, closed on time, overdue, reported at once, reworked), ready
 * for `score` of `@gridsafe/scoring`. Pass each case as it stood at the period's end (the store
 * replays a case's events up to then). A voided case, or one never reported, is no hazard and
 * gives no record; a case with no unit or no `REPORT` is a located issue (all of them at once).
 *
 * @example
 * ```ts
 * import { caseRecords, type CaseSnapshot } from '@gridsafe/escalation';
 * declare const cases: CaseSnapshot[];
 * declare const unitOfCase: Map<string, string>;
 * const records = caseRecords(cases, { periodEnd: '2026-03-31', unit: (c) => unitOfCase.get(c.caseId) });
 * if (records._tag === 'Right') console.log(records.right.filter((r) => r.state === 'closed').length);
 * ```
 */
export function caseRecords(cases: Iterable<CaseSnapshot>, options: CaseRecordOptions): E.Either<Issue[], CaseRecord[]> {
  if (typeof options?.periodEnd !== 'string' || !DAY.test(options.periodEnd))
    return E.left([makeIssue('schema.format', where('/periodEnd'), { format: 'date' }, { expected: 'YYYY-MM-DD' })]);
  if (typeof options.unit !== 'function') return E.left([makeIssue('schema.required', where(''), { property: 'unit' })]);
  const out: CaseRecord[] = [];
  const issues: Issue[] = [];
  let i = 0;
  for (const c of cases) {
    const r = recordOf(c, i++, options);
    if (r === undefined) continue;
    if ('code' in r) issues.push(r);
    else out.push(r);
  }
  return issues.length > 0 ? E.left(issues) : E.right(out);
}
