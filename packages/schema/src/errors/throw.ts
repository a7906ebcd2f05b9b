import * as E from 'fp-ts/lib/Either.js';
import type { Issue } from './issues.js';
import { formatIssue, type Lang } from './render.js';

/**
 * The error {@link orThrow} throws: every issue of the failed call, as data, and a message that
 * lists them located (file:line:column, pointer) in one language.
 */
export class GridsafeError extends Error {
  /** Every issue, as returned in the `Left`. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], lang: Lang = 'en') {
    super(issues.map((i) => formatIssue(i, lang)).join('\n') || 'gridsafe: failed');
    this.name = 'GridsafeError';
    this.issues = issues;
  }
}

/**
 * The value of a result, or a thrown {@link GridsafeError} carrying its issues: for callers who
 * prefer exceptions to `Either`. Works on any gridsafe call that returns `Either<Issue[], A>`
 * (`validatePackSet`, `resolvePack`, `evaluatePatrol`, `score` once awaited, …).
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
export function orThrow<A>(result: E.Either<readonly Issue[], A>, lang: Lang = 'en'): A {
  if (E.isRight(result)) return result.right;
  throw new GridsafeError(result.left, lang);
}
