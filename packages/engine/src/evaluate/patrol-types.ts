import type { Bilingual, ChecklistItem, Issue, Severity } from '@gridsafe/schema';
import type * as E from 'fp-ts/lib/Either.js';
import type { Trace } from '../compile/types.js';
import type { CompileMode } from './compiled.js';

/** What a finding asks of the grid worker: remove a hazard, file a report, or nothing more. */
export type FindingYield = 'hazard' | 'report' | 'confirmation';

/** The result for one checklist item of a patrol record. */
export interface Finding {
  /** The rule (item) id. */
  item: string;
  number: number;
  text: Bilingual;
  sector: string;
  itemKind: ChecklistItem['itemKind'];
  status: 'ok' | 'hazard' | 'notApplicable' | 'notAnswered';
  severity?: Severity;
  /** A hazard to remove (check), a report to file (报告), or a confirmation that it is in place (到位). */
  yields?: FindingYield;
  evidence: { required: boolean; photos: number; present: boolean };
  /** Who receives it, and whether it goes straight there (a major finding skipping tiers). */
  route?: { tier: string; direct: boolean };
  /** Each condition with the fact value it saw and whether it passed (see {@link PatrolOptions.explain}). */
  explanation?: { hazard: Trace; major?: Trace };
}

/** Every finding of one patrol record. */
export interface PatrolResult {
  record: string;
  pack: { id: string; version: string };
  checklist: string;
  findings: Finding[];
  hazards: number;
  reports: number;
}

/**
 * The compact result of one patrol record, for hosts that want counts and hazards only: the same
 * fields as a {@link PatrolResult}, but `findings` holds only the findings whose status is
 * `hazard` (hazards and reports), in checklist order, and `items` counts every item by status.
 * It can be passed wherever a `PatrolResult` is read for its hazards (`hazardReports`).
 */
export interface PatrolSummary extends PatrolResult {
  items: { ok: number; hazard: number; notAnswered: number; notApplicable: number };
}

/** Options of {@link evaluatePatrol}. */
export interface PatrolOptions {
  /**
   * Which findings carry an explanation: `'hazards'` (the default: why each hazard fired and why
   * it is major), `'all'` (ok findings too), or `false` (none).
   */
  explain?: 'hazards' | 'all' | false;
  /** Use this checklist (by id) instead of the one for the record's grid type. */
  checklist?: string;
  mode?: CompileMode;
  /** Name used in error locations (default `record`). */
  name?: string;
}

/** Options of one call of a {@link PatrolEvaluator}: {@link PatrolOptions} without the compile mode. */
export type EvaluateOptions = Omit<PatrolOptions, 'mode'>;

/** Options of {@link PatrolEvaluator.evaluateBatch}. */
export interface BatchOptions extends Omit<EvaluateOptions, 'name'> {
  /** Per record, the name used in its error locations (default `record[i]`). */
  names?: readonly string[];
}

/** The results of a batch, in input order, with their totals. */
export interface PatrolBatch<R extends PatrolResult> {
  results: E.Either<Issue[], R>[];
  /** Records evaluated, and of those: hazards and reports found, and records refused. */
  records: number;
  hazards: number;
  reports: number;
  invalid: number;
}

/**
 * The compiled evaluator of one resolved pack: every checklist's conditions compiled once, and
 * each record decoded, checked and evaluated in one pass. A well-formed record takes a fast path
 * (a hand-written check that accepts only what the `PatrolRecord` codec accepts); any other goes
 * through the codec and gets the same located issues as {@link evaluatePatrol}.
 */
export interface PatrolEvaluator {
  /** The pack it evaluates against. */
  readonly pack: { id: string; version: string };
  /** Every finding of a record: the same result as `evaluatePatrol(pack, record, options)`. */
  evaluate(record: unknown, options?: EvaluateOptions): E.Either<Issue[], PatrolResult>;
  /** Counts by status and the hazard findings only (see {@link PatrolSummary}); the same issues as `evaluate`. */
  summarize(record: unknown, options?: EvaluateOptions): E.Either<Issue[], PatrolSummary>;
  /** Many records at once, full results (as replay and `diff --replay` use it). */
  evaluateBatch(records: readonly unknown[], options?: BatchOptions & { findings?: 'all' }): PatrolBatch<PatrolResult>;
  /** Many records at once, compact results. */
  evaluateBatch(records: readonly unknown[], options: BatchOptions & { findings: 'hazards' }): PatrolBatch<PatrolSummary>;
}
