import * as E from 'fp-ts/lib/Either.js';
import type { Issue } from './issues.js';
import { formatIssue, type Lang } from './render.js';

/**
 * What a gridsafe call reports on its `Left`: a located {@link Issue}, or another problem with a
 * code and a bilingual message (such as an escalation policy's machine issue).
 */
export interface Problem {
  code: string;
  message: { zh: string; en: string };
}

const isIssue = (p: Problem): p is Issue =>
  typeof (p as Partial<Issue>).file === 'string' && typeof (p as Partial<Issue>).pointer === 'string';

/**
 * The error {@link orThrow} throws: every issue of the failed call, as data, and a message that
 * lists them in one language, located (file:line:column, pointer) where they have a location.
 */
export class GridsafeError<P extends Problem = Issue> extends Error {
  /** Every issue, as returned in the `Left`. */
  readonly issues: readonly P[];

  constructor(issues: readonly P[], lang: Lang = 'en') {
    super(issues.map((i) => (isIssue(i) ? formatIssue(i, lang) : `${i.message[lang]} [${i.code}]`)).join('\n') || 'gridsafe: failed');
    this.name = 'GridsafeError';
    this.issues = issues;
  }
}

/**
 * The value of a result, or a thrown {@link GridsafeError} carrying its issues: for callers who
 * prefer exceptions to `Either`. Works on any gridsafe call that returns `Either<Issue[], A>`
 * (`validatePackSet`, `resolvePack`, `evaluatePatrol`, `score` once awaited, `createEscalationMachine`, …).
 *
 * @example
 * ```ts
 * import { decode, GridsafeError, orThrow, StationFacts } from '@gridsafe/schema';
 * const facts = orThrow(decode(StationFacts, { stationId: 's1', date: '2026-03-01', facts: {} }));
 * console.log(facts.stationId);
 * try {
 *   orThrow(decode(StationFacts, { stationId: '', date: 'March', facts: {} }, 'station.json'), 'zh');
 * } catch (e) {
 *   if (e instanceof GridsafeError) console.log(e.issues.map((i) => i.pointer), e.message);
 * }
 * ```
 */
export function orThrow<A, P extends Problem = Issue>(result: E.Either<readonly P[], A>, lang: Lang = 'en'): A {
  if (E.isRight(result)) return result.right;
  throw new GridsafeError<P>(result.left, lang);
}
