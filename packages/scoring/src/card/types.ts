import type { Trace } from '@gridsafe/engine';
import type { Bilingual, Citation } from '@gridsafe/schema';
import type { PeriodKind } from '../period.js';

/** The rule behind a number: its id and what it cites. */
export interface RuleRef {
  id: string;
  source?: Citation[];
  localDefault?: boolean;
  reason?: Bilingual;
}

/** An assessor's value for a range deduction, as given with the data. */
export interface AssessorValue {
  /** The assessor's id. */
  assessor: string;
  /** Points off, within the deduction's range. */
  value: number;
  /** Why, in the assessor's words. */
  reason: string;
  /** The month it was given for, when scored from records. */
  month?: string;
}

/** One deduction's result. */
export interface DeductionScore {
  id: string;
  title: Bilingual;
  kind: 'perCount' | 'condition' | 'range';
  /** perCount: the count read, how many `per` it makes after rounding, and the points each. */
  count?: number;
  times?: number;
  per?: number;
  unit?: Bilingual;
  each?: number;
  /** condition or range with `when`: whether the condition held, and why. */
  held?: boolean;
  explanation?: Trace;
  /** range: the assessors' values (none when nobody took anything off). */
  assessed?: AssessorValue[];
  /** Points off before the deduction's own cap. */
  uncapped: number;
  /** Points off. */
  points: number;
  /** What the deduction's cap cut off (uncapped − points). */
  cut: number;
  rule: RuleRef;
}

/** One item's (leaf element's) result: its measure, the points it earned, deductions, and bounds. */
export interface ItemScore {
  id: string;
  title: Bilingual;
  /** The block it belongs to, if any. */
  parent?: string;
  depth: number;
  measure: string;
  /** The measured value (a ratio after the pack's rounding, a count, 1/0), null when it does not apply. */
  value: number | null;
  numerator?: unknown;
  denominator?: unknown;
  /** The value that earns full points in this period, if the measure has one. */
  target?: number;
  better: 'higher' | 'lower';
  /** Points available. */
  max: number;
  /** Points the measure earned, before deductions. */
  earned: number;
  deductions: DeductionScore[];
  /** earned − deductions, before the cap and floor. */
  raw: number;
  /** Points after the cap and floor. */
  points: number;
  /** What the cap cut off (raw above it), 0 if nothing. */
  capped: number;
  /** What the floor gave back (raw below it), 0 if nothing. */
  floored: number;
  rule: RuleRef;
}

/** One block's sub-total. */
export interface BlockScore {
  id: string;
  title: Bilingual;
  parent?: string;
  depth: number;
  /** Its elements' ids, in order (blocks and items). */
  children: string[];
  max: number;
  /** Σ of its elements' points. */
  sum: number;
  /** The sum, scaled when the block declares `normalise`. */
  raw: number;
  points: number;
  capped: number;
  floored: number;
  /** The block veto that held, if any: the block earns nothing. */
  veto: { id: string; title: Bilingual; rule: RuleRef; explanation: Trace } | null;
  rule: RuleRef;
}

/** A gate's result: whether the unit met it, with the fact values it saw. */
export interface GateResult {
  id: string;
  title: Bilingual;
  passed: boolean;
  explanation: Trace;
  rule: RuleRef;
}

/** A fact that was missing and took its declared default. */
export interface DefaultedFact {
  fact: string;
  value: number | boolean;
  rule: RuleRef;
}

/** How a unit came out: scored, vetoed (一票否决), or not scored because it failed a gate. */
export type CardStatus = 'scored' | 'vetoed' | 'ineligible';

/** A scorecard: gates, every block and item, the total, the grade, and the veto that decided it if any. */
export interface Scorecard {
  pack: { id: string; version: string };
  scoring: string;
  period: PeriodKind;
  status: CardStatus;
  gates: GateResult[];
  /** The top-level elements' ids, in order. */
  elements: string[];
  blocks: BlockScore[];
  /** Every item (leaf element), depth first. */
  metrics: ItemScore[];
  /** Points earned over points available (or over maxScore), in [0, 1]; null when ineligible. */
  share: number | null;
  /** share × maxScore, to 2 decimals; null when the unit is ineligible (not scored). */
  score: number | null;
  maxScore: number;
  grade: { id: string; title: Bilingual; rule: RuleRef } | null;
  veto: { id: string; title: Bilingual; rule: RuleRef; explanation: Trace } | null;
  /** Facts that were missing and took the scoring's declared default. */
  defaulted: DefaultedFact[];
}

/** An item's result, under its earlier name. */
export type MetricScore = ItemScore;

/** The rule reference of an element. */
export const ruleOf = (x: { id: string; source?: Citation[]; localDefault?: boolean; reason?: Bilingual }): RuleRef => ({
  id: x.id,
  ...(x.source ? { source: x.source } : {}),
  ...(x.localDefault ? { localDefault: true } : {}),
  ...(x.reason ? { reason: x.reason } : {}),
});
