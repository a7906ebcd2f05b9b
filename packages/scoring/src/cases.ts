import type { CaseRunner } from '@gridsafe/engine';
import * as E from 'fp-ts/lib/Either.js';
import { scoreFacts } from './score.js';

/**
 * The runner for `score` cases, for `runCases(pack, { runners: { score: runScoreCase } })`: it
 * compares the metric values, total score and grade the case expects.
 *
 * @example
 * ```ts
 * import { runCases, type ResolvedPack } from '@gridsafe/engine';
 * import { runScoreCase } from '@gridsafe/scoring';
 * declare const pack: ResolvedPack;
 * const results = runCases(pack, { runners: { score: runScoreCase } });
 * console.log(results.every((r) => r.pass));
 * ```
 */
export const runScoreCase: CaseRunner = (pack, c) => {
  if (c.type !== 'score') return { pass: false, expected: null, actual: `not a score case: ${c.type}` };
  const file = pack.scorings.find((s) => s.id === c.scoring);
  const period = file?.periods[0] ?? 'month';
  const r = scoreFacts(pack, c.input.facts, { period, scoring: c.scoring, name: c.id });
  if (E.isLeft(r)) return { pass: false, expected: c.expect, actual: null, issues: r.left };
  const card = r.right;
  const actual: Record<string, unknown> = {};
  if (c.expect.metrics)
    actual.metrics = Object.fromEntries(Object.keys(c.expect.metrics).map((k) => [k, card.metrics.find((m) => m.id === k)?.value ?? null]));
  if (c.expect.total !== undefined) actual.total = card.score;
  if (c.expect.grade !== undefined) actual.grade = card.grade?.id ?? null;
  const expected = { ...c.expect };
  return {
    pass:
      JSON.stringify(expected) ===
      JSON.stringify({
        ...(expected.metrics ? { metrics: actual.metrics } : {}),
        ...(expected.total !== undefined ? { total: actual.total } : {}),
        ...(expected.grade !== undefined ? { grade: actual.grade } : {}),
      }),
    expected,
    actual,
  };
};
