import { assessStation, checkRequirements, type ResolvedPack } from '@gridsafe/engine';
import { type Issue, makeIssue, type ScoringFile, scoringItems } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { Accumulator } from './aggregate/accumulate.js';
import { hazardTally, unitFacts } from './aggregate/facts.js';
import { ingest, locator, type PeriodRecords } from './aggregate/ingest.js';
import { layoutFor } from './aggregate/layout.js';
import { buildTree, type UnitNode } from './aggregate/tree.js';
import { modelOf } from './card/model.js';
import type { AssessorValue } from './card/types.js';
import { type Period, parsePeriod, subPeriods } from './period.js';
import { rankByLevel } from './rank.js';
import type { ScoreReport, TrendPoint, UnitInfo, UnitScorecard } from './report.js';
import { scoreFacts } from './score.js';

export type { PeriodRecords } from './aggregate/ingest.js';

/** Options of {@link score}. */
export interface ScoreOptions {
  /** The period: `2026-07`, `2026-Q3`, `2026`, or a parsed {@link Period}. */
  period: string | Period;
  /** The unit the report is about; by default the root of the unit tree. */
  unit?: string;
  /** The scoring file's id; by default the pack's only one. */
  scoring?: string;
  /** The input's name in issues (a file name). */
  name?: string;
  /**
   * Each input item is `{ line, value }`: a record with the line it starts on (as an NDJSON reader
   * gives them), so issues point at `file:line` instead of a record index.
   */
  numbered?: boolean;
  /** Which boolean period fact each station standard's result sets, by standard id. By default a pack with one standard sets the scoring's `station.*` boolean metric. */
  standardFacts?: Record<string, string>;
  /** Check the pack's requirements for every scored unit and expose `requirements.satisfied` / `requirements.total` (default: when a metric reads them). */
  requirements?: boolean;
  /** At most this many issues are reported, and reading stops there (default 100). */
  maxIssues?: number;
  /**
   * At most this many units may be named by records before their `unit` record (default 10,000).
   * One more stops the run with a located issue: undeclared ids never grow memory without bound.
   */
  maxPendingUnits?: number;
}

function scoringFile(pack: ResolvedPack, id: string | undefined): ScoringFile | undefined {
  return id ? pack.scorings.find((s) => s.id === id) : pack.scorings.length === 1 ? pack.scorings[0] : undefined;
}

const optionsAt = (pointer: string) => ({ file: 'options', line: 0, column: 0, pointer });

/**
 * Score a period's records under a pack's scoring rules. Records stream through in bounded memory
 * (counters per unit and month, never the records), roll up grid → village → township → county,
 * and every unit of a scored level gets a scorecard ranked among its level; a unit that fails a
 * gate is reported as ineligible, not ranked. Every number explains itself: each block's
 * sub-total, each item's value, numerator, denominator and points, each deduction (count ×
 * points, the assessor's value and reason) and the rule (with citation) that gave them.
 * Corrections (a `fact` record that `supersedes` an earlier one) replace, and the report keeps
 * them. Bad input — a period, a record, an undeclared unit, a fact given twice, a fact missing —
 * comes back as located issues.
 *
 * @example
 * ```ts
 * import type { ResolvedPack } from '@gridsafe/engine';
 * import { score } from '@gridsafe/scoring';
 * declare const pack: ResolvedPack;
 * const records = [
 *   { type: 'unit', id: 'county', level: 'xianyou.level.county' },
 *   { type: 'hazard', unit: 'county', date: '2026-07-03', tier: 'general', state: 'closed' },
 * ];
 * const report = await score(pack, records, { period: '2026-07' });
 * if (report._tag === 'Right') console.log(report.right.card.score, report.right.card.grade?.title.zh);
 * ```
 */
export async function score(pack: ResolvedPack, periodData: PeriodRecords, options: ScoreOptions): Promise<E.Either<Issue[], ScoreReport>> {
  const opts = (options ?? {}) as Partial<ScoreOptions>;
  const name = opts.name ?? 'records';
  const file = scoringFile(pack, opts.scoring);
  if (!file) {
    const id = opts.scoring ?? '(scoring)';
    return E.left([makeIssue('ref.unknown', optionsAt('/scoring'), { refKind: 'file', id }, { found: id })]);
  }
  const parsed =
    typeof opts.period === 'string' || opts.period === undefined ? parsePeriod(opts.period, 'options', '/period') : E.right(opts.period);
  if (E.isLeft(parsed)) return parsed;
  const period = parsed.right;
  if (!file.periods.includes(period.kind)) {
    return E.left([makeIssue('schema.enum', optionsAt('/period'), { allowed: [...file.periods] }, { found: period.kind })]);
  }
  const model = modelOf(pack, file);
  if (model.issues.length > 0) return E.left(model.issues);
  const maxIssues = opts.maxIssues ?? 100;
  const layout = layoutFor(pack, file);
  const acc = new Accumulator(layout, period, opts.maxPendingUnits ?? 10_000);
  const levelIds = new Set(pack.hierarchies.flatMap((h) => (h.levels ?? []).map((l) => l.id)));
  const ranges = new Map([...model.ranges].map(([id, d]) => [id, { min: d.min, max: d.max }]));
  const numbered = opts.numbered === true;
  const recordIssues = await ingest(acc, periodData, { name, maxIssues, numbered, levels: levelIds, ranges });
  if (recordIssues.length > 0) return E.left(recordIssues);
  const at = locator(name, numbered);
  const settled = acc.settle(at);
  if (settled.issues.length > 0) return E.left(settled.issues.slice(0, maxIssues));
  const stationIssues = assessStations(pack, file, acc, opts.standardFacts, name);
  if (stationIssues.length > 0) return E.left(stationIssues);
  const tree = buildTree(acc, at);
  if (tree.issues.length > 0) return E.left(tree.issues.slice(0, maxIssues));
  const focus = opts.unit !== undefined ? tree.nodes.get(opts.unit) : tree.roots.length === 1 ? tree.roots[0] : undefined;
  if (!focus) {
    const expected = opts.unit !== undefined ? 'a declared unit' : 'options.unit: the data has several root units';
    const found = opts.unit ?? tree.roots.map((r) => r.id).join(', ');
    return E.left([makeIssue('codec.invalid', optionsAt('/unit'), { expected }, { expected, found: JSON.stringify(found) })]);
  }
  const cadences = pack.hierarchies.flatMap((h) => h.cadences ?? []);
  const levelsTopFirst = [...file.units].reverse();
  // Requirement results cost a rule evaluation per unit: only when a metric reads them.
  const reads = new Set(scoringItems(file).flatMap((m) => [m.numerator ?? '', m.denominator ?? '']));
  const wantRequirements =
    (opts.requirements ?? (reads.has('requirements.satisfied') || reads.has('requirements.total'))) &&
    pack.requirements.length > 0 &&
    layout.declared.has('requirements.total');
  const cardOf = (node: UnitNode, p: Period, from: number, to: number): E.Either<Issue[], UnitScorecard> => {
    const facts: Record<string, unknown> = unitFacts(node, layout, cadences, p, from, to);
    if (wantRequirements) {
      const r = checkRequirements(
        pack,
        { period: { kind: p.kind, start: p.start }, unit: { id: node.id, level: node.level }, facts },
        { name },
      );
      if (E.isRight(r)) {
        facts['requirements.satisfied'] = r.right.satisfied;
        facts['requirements.total'] = r.right.satisfied + r.right.unsatisfied;
      }
    }
    const months = new Set(period.months.slice(from, to));
    const assessments: Record<string, AssessorValue[]> = {};
    for (const [d, list] of settled.assessed.get(node.id) ?? []) assessments[d] = list.filter((a) => months.has(a.month ?? ''));
    const c = scoreFacts(pack, facts, {
      period: p.kind,
      scoring: file.id,
      months: p.months.length,
      name,
      unit: node.id,
      periodId: p.id,
      at: at(node.counters.declIndex ?? 0, ''),
      unitsByLevel: Object.fromEntries(node.levels),
      assessments,
    });
    if (E.isLeft(c)) return c;
    return E.right({ ...c.right, unit: info(node), facts: facts as Record<string, number | boolean>, rank: null, of: 0 });
  };
  const cards: UnitScorecard[] = [];
  const issues: Issue[] = [];
  const months = period.months.length;
  for (const node of [...tree.nodes.values()].filter((n) => file.units.includes(n.level) || n === focus)) {
    const c = cardOf(node, period, 0, months);
    if (E.isLeft(c)) issues.push(...c.left.slice(0, maxIssues - issues.length));
    else cards.push(c.right);
    if (issues.length >= maxIssues) break;
  }
  if (issues.length > 0) return E.left(issues);
  const ranked = rankByLevel(cards, levelsTopFirst.includes(focus.level) ? levelsTopFirst : [focus.level, ...levelsTopFirst]);
  const card = ranked.find((c) => c.unit.id === focus.id) as UnitScorecard;
  const trend: TrendPoint[] = [];
  if (months > 1 && file.periods.includes('month')) {
    for (const [m, sub] of subPeriods(period).entries()) {
      const c = cardOf(focus, sub, m, m + 1);
      if (E.isRight(c)) {
        trend.push({
          period: sub.id,
          score: c.right.score,
          grade: c.right.grade?.id ?? null,
          status: c.right.status,
          vetoed: c.right.veto !== null,
        });
        continue;
      }
      // A month lacking a fact the quarter has (given in another month) is not scored on its own.
      const missing = c.left.filter((i) => i.code === 'scoring.factMissing');
      if (missing.length < c.left.length) return c;
      const facts = missing.map((i) => (i.params as { fact: string }).fact);
      trend.push({ period: sub.id, score: null, grade: null, status: 'unscored', vetoed: false, missing: facts });
    }
  }
  const levelTitles = new Map(pack.hierarchies.flatMap((h) => (h.levels ?? []).map((l) => [l.id, l.title] as const)));
  return E.right({
    pack: { id: pack.id, version: pack.version },
    scoring: file.id,
    title: file.title,
    period,
    unit: info(focus),
    card,
    levels: levelsTopFirst.map((id) => ({ id, title: levelTitles.get(id) ?? { zh: id, en: id } })),
    units: ranked.filter((c) => file.units.includes(c.unit.level)),
    trend,
    hazards: hazardTally(focus, layout),
    corrections: settled.corrections,
    records: { read: acc.read, outsidePeriod: acc.outside, units: tree.nodes.size },
  });
}

const info = (n: UnitNode): UnitInfo => ({
  id: n.id,
  level: n.level,
  ...(n.name ? { name: n.name } : {}),
  ...(n.parent ? { parent: n.parent } : {}),
});

/** Assess each unit's latest station facts and set the standard's boolean fact for its month. */
function assessStations(
  pack: ResolvedPack,
  file: ScoringFile,
  acc: Accumulator,
  given: Record<string, string> | undefined,
  name: string,
): Issue[] {
  const bound = new Map<string, string>(Object.entries(given ?? {}));
  if (!given && pack.standards.length === 1) {
    const fact = scoringItems(file).find((m) => m.measure === 'boolean' && m.numerator?.startsWith('station.'))?.numerator;
    if (fact && pack.standards[0]) bound.set(pack.standards[0].id, fact);
  }
  const issues: Issue[] = [];
  for (const u of acc.units.values()) {
    if (!u.station) continue;
    const stationType = u.station.stationType ?? u.decl?.level;
    const input = { stationId: u.id, date: u.station.date, facts: u.station.facts, ...(stationType ? { stationType } : {}) };
    const standard =
      pack.standards.find((s) => s.appliesTo === stationType) ?? (pack.standards.length === 1 ? pack.standards[0] : undefined);
    const fact = standard ? bound.get(standard.id) : undefined;
    const slot = fact ? acc.layout.index.get(fact) : undefined;
    if (!standard || slot === undefined) continue;
    const r = assessStation(pack, input, { standard: standard.id, name });
    if (E.isLeft(r)) {
      issues.push(...r.left);
      continue;
    }
    const mi = acc.dates.get(u.station.date) ?? 0;
    u.own[mi * acc.layout.size + slot] = r.right.passed ? 1 : -1;
  }
  return issues;
}
