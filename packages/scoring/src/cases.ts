import type { CaseRunner } from '@gridsafe/engine';
import * as E from 'fp-ts/lib/Either.js';
import type { Scorecard } from './card/types.js';
import type { PeriodKind } from './period.js';
import { scoreFacts } from './score.js';

type Expect = Record<string, unknown>;

/** What a card says about each thing a score case may expect, keyed as the case keys it. */
function observe(card: Scorecard, expect: Expect): Record<string, unknown> {
  const pick = <T>(key: string, all: Map<string, T>): Record<string, T | null> | undefined => {
    const want = expect[key] as Record<string, unknown> | undefined;
    return want ? Object.fromEntries(Object.keys(want).map((k) => [k, all.has(k) ? (all.get(k) as T) : null])) : undefined;
  };
  const deductions = new Map(card.metrics.flatMap((m) => m.deductions.map((d) => [d.id, d.points] as const)));
  const blockVetoes = new Map<string, boolean>();
  for (const b of card.blocks) if (b.veto) blockVetoes.set(b.veto.id, true);
  const wantedVetoes = (expect.blockVetoes as Record<string, unknown> | undefined) ?? {};
  for (const id of Object.keys(wantedVetoes)) if (!blockVetoes.has(id)) blockVetoes.set(id, false);
  const actual: Record<string, unknown> = {
    status: card.status,
    metrics: pick('metrics', new Map(card.metrics.map((m) => [m.id, m.value]))),
    elements: pick('elements', new Map(card.metrics.map((m) => [m.id, m.points]))),
    blocks: pick('blocks', new Map(card.blocks.map((b) => [b.id, b.points]))),
    deductions: pick('deductions', deductions),
    gates: pick('gates', new Map(card.gates.map((g) => [g.id, g.passed]))),
    blockVetoes: pick('blockVetoes', blockVetoes),
    veto: card.veto?.id ?? null,
    total: card.score,
    grade: card.grade?.id ?? null,
  };
  return Object.fromEntries(Object.keys(expect).map((k) => [k, actual[k]]));
}

/**
 * The runner for `score` cases, for `runCases(pack, { runners: { score: runScoreCase } })`: it
 * scores the case's facts (and assessors' values) for its period and compares what the case
 * expects: the status (scored, vetoed, ineligible), the gates, item values, the points of any
 * element, block or deduction, block and card vetoes, the total and the grade. Expectations it
 * does not name are not compared.
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
  if (c?.type !== 'score') return { pass: false, expected: null, actual: `not a score case: ${c?.type}` };
  const file = pack.scorings.find((s) => s.id === c.scoring);
  const period = (c.period ?? file?.periods[0] ?? 'month') as PeriodKind;
  const r = scoreFacts(pack, c.input.facts, {
    period,
    scoring: c.scoring,
    name: c.id,
    unit: c.id,
    ...(c.input.assessments ? { assessments: c.input.assessments } : {}),
  });
  if (E.isLeft(r)) return { pass: false, expected: c.expect, actual: null, issues: r.left };
  const expected = c.expect as Expect;
  const actual = observe(r.right, expected);
  return { pass: JSON.stringify(actual) === JSON.stringify(expected), expected, actual };
};
