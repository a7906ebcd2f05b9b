import * as E from 'fp-ts/lib/Either.js';
import type { CaseSnapshot } from '../snapshot.js';
import { parseInstant } from '../time/instant.js';

/** Why a stored row is not a case: the JSON pointer of the first bad field and what it must be. */
export interface CaseProblem {
  field: string;
  expected: string;
}

const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const str = (x: unknown) => typeof x === 'string';
const strings = (x: unknown) => {
  if (!Array.isArray(x)) return false;
  for (const v of x) if (typeof v !== 'string') return false;
  return true;
};
const textRecord = (x: unknown) => {
  if (!isObj(x)) return false;
  for (const k in x) if (typeof x[k] !== 'string') return false;
  return true;
};
const OPTIONAL: [string, (x: unknown) => boolean, string][] = [
  ['grade', str, 'a string'],
  ['supervisedBy', str, 'a string'],
  ['departments', strings, 'a list of strings'],
  ['lead', str, 'a string'],
  ['completed', strings, 'a list of strings'],
  ['reportedUp', strings, 'a list of strings'],
  ['reminders', (x) => Number.isInteger(x) && (x as number) >= 0, 'a whole number'],
  ['plan', textRecord, 'an object of texts'],
  ['facts', isObj, 'an object'],
  ['record', textRecord, 'an object of strings'],
  ['assignee', textRecord, 'an object of strings'],
];

/** Whether an audit entry has the fields of one (its time not parsed: the caller parses it once). */
const entryShaped = (a: unknown) => {
  const e = a as Record<string, unknown>;
  return (
    isObj(a) &&
    typeof e.id === 'string' &&
    typeof e.event === 'string' &&
    typeof e.tier === 'string' &&
    typeof e.to === 'string' &&
    typeof e.at === 'string'
  );
};

/** Why an audit entry is not one, or undefined. */
export function entryProblem(a: unknown, i: number): CaseProblem | undefined {
  const e = a as Record<string, unknown>;
  return isObj(a) && str(e.id) && str(e.event) && str(e.tier) && str(e.to) && !Number.isNaN(parseInstant(e.at))
    ? undefined
    : { field: `/audit/${i}`, expected: 'an entry with id, event, an RFC 3339 time at, tier and to' };
}

/**
 * The first problem of a stored case row, or undefined when it is a case this package can apply
 * events to. Checks the shape of every field and that times are RFC 3339; of the audit trail, every
 * entry when `full` (else only the last, and its time is left to the caller, which parses it once:
 * a transition reads the other entries only where its duplicate search lands, and checks those as
 * it reads them). A row of the earlier format `gridsafe.case/1`
 * passes and is upgraded by {@link upgradeCase}.
 */
export function caseProblem(u: unknown, full = true): CaseProblem | undefined {
  return !full && looksRight(u) ? undefined : problemOf(u, full);
}

const optStr = (x: unknown) => x === undefined || typeof x === 'string';
const optList = (x: unknown) => x === undefined || strings(x);
const optRecord = (x: unknown) => x === undefined || textRecord(x);

/**
 * The common case, fast: a current-format row whose fields all have their types (and whose last
 * audit entry is one). Anything else goes to {@link problemOf}, which says what is wrong.
 */
function looksRight(u: unknown): boolean {
  if (u === null || typeof u !== 'object') return false;
  const c = u as Record<string, unknown>;
  const pack = c.pack as Record<string, unknown> | null;
  const audit = c.audit;
  const rework = c.rework;
  const reminders = c.reminders;
  const where = c.where as Record<string, unknown> | undefined;
  const ev = c.evidence as Record<string, unknown> | undefined;
  const due = c.due as Record<string, unknown> | undefined;
  return (
    c.format === 'gridsafe.case/2' &&
    typeof c.caseId === 'string' &&
    typeof c.policy === 'string' &&
    typeof c.state === 'string' &&
    typeof c.owner === 'string' &&
    typeof c.kind === 'string' &&
    typeof pack === 'object' &&
    pack !== null &&
    typeof pack.id === 'string' &&
    typeof pack.version === 'string' &&
    Array.isArray(c.path) &&
    c.path.length > 0 &&
    strings(c.path) &&
    typeof rework === 'number' &&
    Number.isInteger(rework) &&
    rework >= 0 &&
    (reminders === undefined || (typeof reminders === 'number' && Number.isInteger(reminders) && reminders >= 0)) &&
    optStr(c.grade) &&
    optStr(c.supervisedBy) &&
    optStr(c.lead) &&
    optList(c.departments) &&
    optList(c.completed) &&
    optList(c.reportedUp) &&
    optRecord(c.plan) &&
    optRecord(c.record) &&
    optRecord(c.assignee) &&
    (c.facts === undefined || isObj(c.facts)) &&
    (where === undefined || (isObj(where) && optStr(where.grid) && optRecord(where.units))) &&
    (ev === undefined || (isObj(ev) && strings(ev.report) && optList(ev.resolution))) &&
    (due === undefined ||
      (isObj(due) &&
        typeof due.state === 'string' &&
        (due.overdue === undefined || due.overdue === true) &&
        !Number.isNaN(parseInstant(due.at)))) &&
    c.extension === undefined &&
    Array.isArray(audit) &&
    (audit.length === 0 ? c.state === 'new' : c.state !== 'new' && entryShaped(audit[audit.length - 1]))
  );
}

function problemOf(u: unknown, full: boolean): CaseProblem | undefined {
  if (!isObj(u)) return { field: '', expected: 'an object' };
  if (u.format !== 'gridsafe.case/2' && u.format !== 'gridsafe.case/1')
    return { field: '/format', expected: '"gridsafe.case/2" (or "gridsafe.case/1", upgraded)' };
  for (const k of ['caseId', 'policy', 'state', 'owner'] as const) if (!str(u[k])) return { field: `/${k}`, expected: 'a string' };
  const pack = u.pack;
  if (!isObj(pack) || !str(pack.id) || !str(pack.version)) return { field: '/pack', expected: 'an object with id and version' };
  if (u.format === 'gridsafe.case/2' ? !str(u.kind) : u.severity !== 'general' && u.severity !== 'major')
    return u.format === 'gridsafe.case/2'
      ? { field: '/kind', expected: 'a string' }
      : { field: '/severity', expected: '"general" or "major"' };
  const path = u.path;
  if (!strings(path) || (path as string[]).length === 0) return { field: '/path', expected: 'a non-empty list of tier ids' };
  if (!Number.isInteger(u.rework) || (u.rework as number) < 0) return { field: '/rework', expected: 'a whole number' };
  for (const [k, ok, expected] of OPTIONAL) if (u[k] !== undefined && !ok(u[k])) return { field: `/${k}`, expected };
  const where = u.where;
  if (
    where !== undefined &&
    (!isObj(where) || (where.grid !== undefined && !str(where.grid)) || (where.units !== undefined && !textRecord(where.units)))
  )
    return { field: '/where', expected: 'an object with a grid id and unit ids by level' };
  const ev = u.evidence;
  if (ev !== undefined && (!isObj(ev) || !strings(ev.report) || (ev.resolution !== undefined && !strings(ev.resolution))))
    return { field: '/evidence', expected: 'an object with report (and resolution) lists of strings' };
  const due = u.due;
  if (
    due !== undefined &&
    (!isObj(due) || Number.isNaN(parseInstant(due.at)) || !str(due.state) || (due.overdue !== undefined && due.overdue !== true))
  )
    return { field: '/due', expected: 'an object with an RFC 3339 time "at" and a state' };
  const ext = u.extension;
  if (ext !== undefined && (!isObj(ext) || Number.isNaN(parseInstant(ext.until)) || !str(ext.reason) || !str(ext.by)))
    return { field: '/extension', expected: 'an object with until (RFC 3339), reason and by' };
  const audit = u.audit;
  if (!Array.isArray(audit)) return { field: '/audit', expected: 'a list of entries' };
  for (let i = full ? 0 : Math.max(0, audit.length - 1); i < audit.length; i++) {
    const bad = entryProblem(audit[i], i);
    if (bad) return bad;
  }
  if ((audit.length === 0) !== (u.state === 'new'))
    return { field: '/audit', expected: u.state === 'new' ? 'empty for a new case' : 'the events the case accepted' };
  return undefined;
}

/** A row that passed {@link caseProblem}, as a case of the current format. */
export function upgradeCase(u: Record<string, unknown>): CaseSnapshot {
  if (u.format === 'gridsafe.case/2') return u as unknown as CaseSnapshot;
  const { severity, ...rest } = u;
  return {
    ...rest,
    format: 'gridsafe.case/2',
    kind: 'hazard',
    ...(u.state === 'new' ? {} : { grade: severity }),
  } as unknown as CaseSnapshot;
}

/**
 * A stored case row (parsed JSON) as a case, or why it is not one: the JSON pointer of the first
 * bad field and what it must be (every field, every audit entry). A row of the earlier format `gridsafe.case/1` (severity, no kind)
 * comes back upgraded (its severity as the grade, kind `hazard`).
 *
 * @example
 * ```ts
 * import { decodeCase } from '@gridsafe/escalation';
 * const r = decodeCase(JSON.parse('{"format":"gridsafe.case/2"}'));
 * if (r._tag === 'Left') console.log(r.left.field, r.left.expected); // /caseId a string
 * ```
 */
export function decodeCase(u: unknown): E.Either<CaseProblem, CaseSnapshot> {
  const problem = caseProblem(u, true);
  return problem ? E.left(problem) : E.right(upgradeCase(u as Record<string, unknown>));
}
