import { explain } from '@gridsafe/engine';
import { type Deduction, type Issue, makeIssue } from '@gridsafe/schema';
import { round4 } from '../rounding.js';
import type { FactsContext } from './facts.js';
import type { ScoringModel } from './model.js';
import { type AssessorValue, type DeductionScore, ruleOf } from './types.js';

const EPS = 1e-9;

/** How many deductions a count makes: floor ("per full"), ceil ("per started") or exact (pro rata). */
export function timesOf(count: number, per: number, rounding: 'floor' | 'ceil' | 'exact'): number {
  const x = count / per;
  return rounding === 'floor' ? Math.floor(x + EPS) : rounding === 'ceil' ? Math.ceil(x - EPS) : x;
}

/**
 * One deduction's points off for a unit's facts: per count (with its unit and rounding), per
 * condition, or the values assessors gave within its range. A cap bounds it, and what the cap cut
 * is kept. Bad data (a negative count, an assessor's value out of range, an assessment missing or
 * given where the condition does not hold) is an issue, never a silent clamp.
 */
export function scoreDeduction(
  model: ScoringModel,
  d: Deduction,
  facts: Record<string, unknown>,
  assessed: readonly AssessorValue[],
  ctx: FactsContext,
  issues: Issue[],
): DeductionScore {
  const base = { id: d.id, title: d.title, kind: d.kind, rule: ruleOf(d) };
  const capped = (uncapped: number, cap: number | undefined) => {
    const points = round4(Math.min(uncapped, cap ?? Number.POSITIVE_INFINITY));
    return { uncapped: round4(uncapped), points, cut: round4(uncapped - points) };
  };
  if (d.kind === 'perCount') {
    const v = facts[d.count];
    const count = typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
    if (count !== v) {
      const expected = `a count of at least 0 for fact "${d.count}"`;
      issues.push(makeIssue('codec.invalid', ctx.at, { expected }, { expected, found: JSON.stringify(v) ?? 'nothing' }));
    }
    const per = d.per ?? 1;
    const times = timesOf(count, per, d.rounding);
    return { ...base, count, times, per, unit: d.unit, each: d.points, ...capped(times * d.points, d.cap) };
  }
  if (d.kind === 'condition') {
    const held = model.predicate(d.when)(facts);
    return { ...base, held, explanation: explain(d.when, model.named, facts), ...capped(held ? d.points : 0, undefined) };
  }
  const held = d.when ? model.predicate(d.when)(facts) : undefined;
  if (held === true && assessed.length === 0)
    issues.push(makeIssue('scoring.assessment', ctx.at, { deduction: d.id, unit: ctx.unit, period: ctx.period, problem: 'missing' }));
  if (held === false && assessed.length > 0)
    issues.push(makeIssue('scoring.assessment', ctx.at, { deduction: d.id, unit: ctx.unit, period: ctx.period, problem: 'notApplicable' }));
  for (const a of assessed) {
    if (!(a.value >= d.min - EPS && a.value <= d.max + EPS))
      issues.push(
        makeIssue('scoring.assessorRange', ctx.at, { deduction: d.id, value: a.value, min: d.min, max: d.max }, { found: String(a.value) }),
      );
  }
  const total = held === false ? 0 : assessed.reduce((s, a) => s + a.value, 0);
  return {
    ...base,
    ...(held !== undefined && d.when ? { held, explanation: explain(d.when, model.named, facts) } : {}),
    assessed: [...assessed],
    ...capped(total, d.cap),
  };
}
