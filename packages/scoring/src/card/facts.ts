import { type Issue, type Location, makeIssue } from '@gridsafe/schema';
import type { ScoringModel } from './model.js';
import { type DefaultedFact, ruleOf } from './types.js';

/** Who and when facts belong to, for messages, and where to point. */
export interface FactsContext {
  unit: string;
  period: string;
  at: Location;
}

/**
 * Fill in the facts a scorecard reads: a missing fact (absent or null) takes the default the
 * scoring file declares for it, recorded in `defaulted`; without one it is an error naming the unit,
 * the period and the fact. Nothing missing is ever read as 0 or false.
 */
export function completeFacts(
  model: ScoringModel,
  facts: Record<string, unknown>,
  needed: readonly string[],
  ctx: FactsContext,
  defaulted: DefaultedFact[],
  issues: Issue[],
): void {
  for (const fact of needed) {
    const v = facts[fact];
    if (v !== undefined && v !== null) continue;
    const use = model.uses.get(fact);
    if (use && !use.required && use.default !== undefined) {
      facts[fact] = use.default;
      defaulted.push({ fact, value: use.default, rule: ruleOf(use) });
      continue;
    }
    issues.push(makeIssue('scoring.factMissing', ctx.at, { unit: ctx.unit, period: ctx.period, fact }, { found: 'nothing' }));
  }
}
