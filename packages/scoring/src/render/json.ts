import type { ScoreReport } from '../report.js';

/**
 * The report as JSON: every number with its numerator, denominator, points and rule. Stable
 * (same report, same text), for a host to store or a test to compare.
 *
 * @example
 * ```ts
 * import { renderJson, type ScoreReport } from '@gridsafe/scoring';
 * declare const report: ScoreReport;
 * const card = JSON.parse(renderJson(report)).card;
 * console.log(card.score, card.grade?.id);
 * ```
 */
export function renderJson(report: ScoreReport, options: { indent?: number } = {}): string {
  return `${JSON.stringify(report, null, options.indent ?? 2)}\n`;
}
