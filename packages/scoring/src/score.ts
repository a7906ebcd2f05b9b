import { checkFacts, explain, type ResolvedPack } from '@gridsafe/engine';
import { type Issue, type Location, makeIssue, type ScoringFile } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { scoreList } from './card/elements.js';
import { completeFacts, type FactsContext } from './card/facts.js';
import { elementFacts, modelOf } from './card/model.js';
import { type AssessorValue, type DefaultedFact, type GateResult, ruleOf, type Scorecard } from './card/types.js';
import type { PeriodKind } from './period.js';
import { roundTo } from './rounding.js';

export type {
  AssessorValue,
  BlockScore,
  CardStatus,
  DeductionScore,
  DefaultedFact,
  GateResult,
  ItemScore,
  MetricScore,
  RuleRef,
  Scorecard,
} from './card/types.js';

/** Options of {@link scoreFacts}. */
export interface ScoreFactsOptions {
  period: PeriodKind;
  /** The scoring file's id; by default the pack's only one. */
  scoring?: string;
  /** The input's name in issues. */
  name?: string;
  /** The unit and the period the facts are of, for messages (default "unit" and the period kind). */
  unit?: string;
  periodId?: string;
  /** Where issues about these facts point (default: the input's name, no line). */
  at?: Location;
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
  /** Assessors' values of the scoring's range deductions, by deduction id. */
  assessments?: Readonly<Record<string, readonly AssessorValue[] | AssessorValue>>;
}

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

function fileOf(pack: ResolvedPack, id: string | undefined): ScoringFile | undefined {
  return id ? pack.scorings.find((s) => s.id === id) : pack.scorings.length === 1 ? pack.scorings[0] : undefined;
}

/**
 * Score one unit's facts for a period under the pack's scoring rules. Gates first: a unit that
 * fails one is not scored (status `ineligible`, with the gate and the fact values it saw). Then
 * every block and item with the rule that gave its points, each deduction (count × points, the
 * condition that held, the assessor's value and reason) and what a cap or floor cut; block vetoes;
 * the total; card vetoes (一票否决); the grade. A missing fact takes its declared default or is an
 * error naming the unit, period and fact; nothing missing is read as 0.
 *
 * @example
 * ```ts
 * import type { ResolvedPack } from '@gridsafe/engine';
 * import { scoreFacts } from '@gridsafe/scoring';
 * declare const pack: ResolvedPack;
 * const card = scoreFacts(pack, { 'hazards.processed': 503, 'hazards.recorded': 565 }, { period: 'month' });
 * if (card._tag === 'Right') console.log(card.right.metrics.map((m) => [m.id, m.value]));
 * else console.log(card.left.map((i) => i.message.en)); // the facts the scoring still needs
 * ```
 */
export function scoreFacts(
  pack: ResolvedPack,
  input: Readonly<Record<string, unknown>>,
  options: ScoreFactsOptions,
): E.Either<Issue[], Scorecard> {
  const opts = (options ?? {}) as Partial<ScoreFactsOptions>;
  const name = opts.name ?? 'facts';
  const at: Location = opts.at ?? { file: name, line: 0, column: 0, pointer: '' };
  const file = fileOf(pack, opts.scoring);
  if (!file) {
    const id = opts.scoring ?? '(scoring)';
    return E.left([makeIssue('ref.unknown', at, { refKind: 'file', id }, { found: id })]);
  }
  const period = opts.period as PeriodKind;
  if (!file.periods.includes(period))
    return E.left([makeIssue('schema.enum', at, { allowed: [...file.periods] }, { found: String(period) })]);
  const model = modelOf(pack, file);
  if (model.issues.length > 0) return E.left(model.issues);
  if (input === null || typeof input !== 'object') {
    return E.left([
      makeIssue('codec.invalid', at, { expected: 'an object of facts' }, { expected: 'an object of facts', found: String(input) }),
    ]);
  }
  const checked = checkFacts(pack, input, name, []);
  if (checked.issues.length > 0) return E.left(checked.issues);
  const facts: Record<string, unknown> = checked.facts;
  const ctx: FactsContext = { unit: opts.unit ?? 'unit', period: opts.periodId ?? period, at };
  const issues: Issue[] = [];
  const defaulted: DefaultedFact[] = [];
  const head = { pack: { id: pack.id, version: pack.version }, scoring: file.id, period, maxScore: file.maxScore };
  // Gates come first: a unit that fails one is not scored, whatever its other facts.
  completeFacts(model, facts, model.gateFacts, ctx, defaulted, issues);
  if (issues.length > 0) return E.left(issues);
  const gates: GateResult[] = (file.gates ?? []).map((g) => ({
    id: g.id,
    title: g.title,
    passed: model.predicate(g.when)(facts),
    explanation: explain(g.when, model.named, facts),
    rule: ruleOf(g),
  }));
  if (gates.some((g) => !g.passed)) {
    return E.right({
      ...head,
      status: 'ineligible',
      gates,
      elements: [],
      blocks: [],
      metrics: [],
      share: null,
      score: null,
      grade: null,
      veto: null,
      defaulted,
    });
  }
  completeFacts(model, facts, elementFacts(model, period), ctx, defaulted, issues);
  if (issues.length > 0) return E.left(issues);
  const byLevel = opts.unitsByLevel;
  const assessments = opts.assessments ?? {};
  const out = { blocks: [], items: [] };
  const top = scoreList(
    file.elements,
    undefined,
    0,
    {
      model,
      period,
      facts,
      measure: {
        months: opts.months ?? MONTHS[period],
        units: (m) => (byLevel ? (byLevel[m.targetEach ?? (file.units[0] as string)] ?? 0) : 1),
      },
      assessed: (id) => {
        const a = Object.hasOwn(assessments, id) ? assessments[id] : undefined;
        const list = (a === undefined ? [] : Array.isArray(a) ? a : [a]) as unknown[];
        const ok = list.filter(
          (x): x is AssessorValue => x !== null && typeof x === 'object' && typeof (x as AssessorValue).value === 'number',
        );
        if (ok.length < list.length) {
          const expected = "an assessor's value: { assessor, value, reason }";
          issues.push(
            makeIssue(
              'codec.invalid',
              { ...at, pointer: `/assessments/${id}` },
              { expected },
              { expected, found: JSON.stringify(a) ?? 'nothing' },
            ),
          );
        }
        return ok;
      },
      ctx,
      issues,
    },
    out,
  );
  if (issues.length > 0) return E.left(issues);
  const total = top.reduce((s, e) => s + e.points, 0);
  const max = file.normalise ? top.reduce((s, e) => s + e.max, 0) : file.maxScore;
  const share = max <= 0 ? 1 : Math.min(1, Math.max(0, total / max));
  const vetoRule = (file.vetoes ?? []).find((v) => model.predicate(v.when)(facts));
  const bands = [...file.grades].sort((a, b) => b.min - a.min);
  const gradeRule = vetoRule ? file.grades.find((g) => g.id === vetoRule.grade) : bands.find((g) => share >= g.min - 1e-12);
  return E.right({
    ...head,
    status: vetoRule ? 'vetoed' : 'scored',
    gates,
    elements: top.map((e) => e.id),
    blocks: out.blocks,
    metrics: out.items,
    share,
    score: roundTo(share * file.maxScore, { mode: 'halfUp', digits: 2 }),
    grade: gradeRule ? { id: gradeRule.id, title: gradeRule.title, rule: ruleOf(gradeRule) } : null,
    veto: vetoRule
      ? { id: vetoRule.id, title: vetoRule.title, rule: ruleOf(vetoRule), explanation: explain(vetoRule.when, model.named, facts) }
      : null,
    defaulted,
  });
}
