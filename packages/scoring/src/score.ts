import { checkFacts, compileAll, explain, namedConditions, type ResolvedPack, type Trace } from '@gridsafe/engine';
import { type Bilingual, type Citation, type Issue, type Metric, makeIssue, type ScoringFile } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { MEASURES } from './measures/index.js';
import type { PeriodKind } from './period.js';
import { roundTo } from './rounding.js';

/** The rule behind a number: its id and what it cites. */
export interface RuleRef {
  id: string;
  source?: Citation[];
  localDefault?: boolean;
}

/** One metric's result: its value with numerator and denominator, and the points it earned. */
export interface MetricScore {
  id: string;
  title: Bilingual;
  measure: string;
  /** The metric value (a ratio after the pack's rounding, a count, or 1/0), null when it does not apply. */
  value: number | null;
  numerator: unknown;
  denominator?: unknown;
  /** The value that earns full points in this period, if the measure has one. */
  target?: number;
  /** Whether a higher or a lower value is better. */
  better: 'higher' | 'lower';
  /** Points available. */
  max: number;
  /** Points earned, after deductions and cap. */
  points: number;
  deductions: { id: string; misses: number; points: number; rule: RuleRef }[];
  rule: RuleRef;
}

/** A scorecard: every metric, the total, the grade, and the veto that decided it if any. */
export interface Scorecard {
  pack: { id: string; version: string };
  scoring: string;
  period: PeriodKind;
  metrics: MetricScore[];
  /** Points earned over points available, in [0, 1]. */
  share: number;
  /** share × the scoring file's maxScore. */
  score: number;
  maxScore: number;
  grade: { id: string; title: Bilingual; rule: RuleRef } | null;
  veto: { id: string; title: Bilingual; rule: RuleRef; explanation: Trace } | null;
}

const ruleOf = (x: { id: string; source?: Citation[]; localDefault?: boolean }): RuleRef => ({
  id: x.id,
  ...(x.source ? { source: x.source } : {}),
  ...(x.localDefault ? { localDefault: true } : {}),
});

/** Options of {@link scoreFacts}. */
export interface ScoreFactsOptions {
  period: PeriodKind;
  /** The scoring file's id; by default the pack's only one. */
  scoring?: string;
  name?: string;
  /** Months the period spans, for per-month targets; by default 1, 3 or 12 by `period`. */
  months?: number;
  /**
   * How many units of each level the scored unit stands for (its subtree, itself included), by
   * level id. A count metric's target is for each unit of its `targetEach` level (by default the
   * scoring's ground level), so a unit above that level is measured by its units' average, and a
   * unit below it (no such unit in its subtree) is not asked for the count. Without this, the facts
   * are taken as one unit's.
   */
  unitsByLevel?: Readonly<Record<string, number>>;
}

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };
const compiled = new WeakMap<ScoringFile, ReturnType<typeof compileAll>>();

/**
 * Score one unit's facts for a period under the pack's scoring rules: each metric's value and
 * points with the rule that gave them, deductions and caps, vetoes (一票否决), and the grade.
 *
 * @example
 * ```ts
 * import type { ResolvedPack } from '@gridsafe/engine';
 * import { scoreFacts } from '@gridsafe/scoring';
 * declare const pack: ResolvedPack;
 * const card = scoreFacts(pack, { 'hazards.processed': 503, 'hazards.recorded': 565 }, { period: 'month' });
 * if (card._tag === 'Right') console.log(card.right.metrics.map((m) => [m.id, m.value]));
 * ```
 */
export function scoreFacts(
  pack: ResolvedPack,
  input: Readonly<Record<string, unknown>>,
  options: ScoreFactsOptions,
): E.Either<Issue[], Scorecard> {
  const name = options.name ?? 'facts';
  const file: ScoringFile | undefined = options.scoring
    ? pack.scorings.find((s) => s.id === options.scoring)
    : pack.scorings.length === 1
      ? pack.scorings[0]
      : undefined;
  const at = { file: name, line: 0, column: 0, pointer: '' };
  if (!file) {
    const id = options.scoring ?? '(scoring)';
    return E.left([makeIssue('ref.unknown', at, { refKind: 'file', id }, { found: id })]);
  }
  if (!file.periods.includes(options.period)) {
    return E.left([makeIssue('schema.enum', at, { allowed: [...file.periods] }, { found: options.period })]);
  }
  const { facts, issues } = checkFacts(pack, input, name, []);
  if (issues.length > 0) return E.left(issues);
  const byLevel = options.unitsByLevel;
  const context = {
    months: options.months ?? MONTHS[options.period],
    units: (m: Metric) => (byLevel ? (byLevel[m.targetEach ?? (file.units[0] as string)] ?? 0) : 1),
  };
  const metrics: MetricScore[] = file.metrics
    .filter((m) => !m.periods || m.periods.includes(options.period))
    .map((m) => {
      const round = (x: number) => (m.rounding ? roundTo(x, m.rounding) : x);
      const v = MEASURES[m.measure](m, facts, round, context);
      const deductions = (m.deductions ?? []).map((d) => {
        const misses = typeof facts[d.per] === 'number' ? Math.max(0, facts[d.per] as number) : 0;
        return { id: d.id, misses, points: Math.min(misses * d.perMiss, d.cap ?? Number.POSITIVE_INFINITY), rule: ruleOf(d) };
      });
      const earned = m.points * v.share - deductions.reduce((s, d) => s + d.points, 0);
      const points = Math.min(Math.max(0, earned), m.cap ?? m.points, m.points);
      return {
        id: m.id,
        title: m.title,
        measure: m.measure,
        value: v.value,
        numerator: v.numerator,
        ...(m.denominator ? { denominator: v.denominator } : {}),
        ...(v.target !== undefined ? { target: v.target } : {}),
        better: m.better ?? 'higher',
        max: m.points,
        points: roundTo(points, { mode: 'halfUp', digits: 4 }),
        deductions,
        rule: ruleOf(m),
      };
    });
  const max = metrics.reduce((s, m) => s + m.max, 0);
  const total = metrics.reduce((s, m) => s + m.points, 0);
  const share = max === 0 ? 1 : Math.min(1, Math.max(0, total / max));
  const named = namedConditions(pack);
  const vetoes = file.vetoes ?? [];
  let predicates = compiled.get(file);
  if (!predicates) {
    predicates = compileAll(
      vetoes.map((v) => v.when),
      named,
    );
    compiled.set(file, predicates);
  }
  const fired = predicates.findIndex((p: (f: typeof facts) => boolean) => p(facts));
  const vetoRule = fired >= 0 ? vetoes[fired] : undefined;
  const bands = [...file.grades].sort((a, b) => b.min - a.min);
  const gradeRule = vetoRule ? file.grades.find((g) => g.id === vetoRule.grade) : bands.find((g) => share >= g.min - 1e-12);
  return E.right({
    pack: { id: pack.id, version: pack.version },
    scoring: file.id,
    period: options.period,
    metrics,
    share,
    score: roundTo(share * file.maxScore, { mode: 'halfUp', digits: 2 }),
    maxScore: file.maxScore,
    grade: gradeRule ? { id: gradeRule.id, title: gradeRule.title, rule: ruleOf(gradeRule) } : null,
    veto: vetoRule
      ? { id: vetoRule.id, title: vetoRule.title, rule: ruleOf(vetoRule), explanation: explain(vetoRule.when, named, facts) }
      : null,
  });
}
