import type { Bilingual } from '@gridsafe/schema';
import type { Correction } from './aggregate/entries.js';
import type { HazardTally } from './aggregate/facts.js';
import type { Scorecard } from './card/types.js';
import type { Period } from './period.js';

export type { Correction } from './aggregate/entries.js';

export type { HazardTally } from './aggregate/facts.js';

/** A unit as declared by its `unit` record. */
export interface UnitInfo {
  id: string;
  level: string;
  name?: string;
  parent?: string;
}

/** One unit's scorecard, the facts it was scored on, and its rank among units of its level. */
export interface UnitScorecard extends Scorecard {
  unit: UnitInfo;
  /** The period facts of the unit's whole subtree, as scored. */
  facts: Record<string, number | boolean>;
  /** 1-based rank among units of the same level (ties share a rank; vetoed units rank last); null when the unit is ineligible (not ranked). */
  rank: number | null;
  /** How many units of that level were ranked (ineligible units are not). */
  of: number;
}

/** The focus unit's score in one month of the period. */
export interface TrendPoint {
  period: string;
  /** null when the unit is ineligible that month, or not scored on its own (a fact given in another month only). */
  score: number | null;
  grade: string | null;
  status: 'scored' | 'vetoed' | 'ineligible' | 'unscored';
  vetoed: boolean;
  /** For an `unscored` month: the facts it lacks. */
  missing?: string[];
}

/** Everything `score` returns: the focus unit's scorecard, every unit's ranked card, the trend and the hazards. */
export interface ScoreReport {
  pack: { id: string; version: string };
  scoring: string;
  title: Bilingual;
  period: Period;
  /** The unit the report is about (by default the root of the unit tree). */
  unit: UnitInfo;
  card: UnitScorecard;
  /** Scored levels, top first, with their titles. */
  levels: { id: string; title: Bilingual }[];
  /** Every unit of a scored level, top level first, then by rank. */
  units: UnitScorecard[];
  /** The focus unit's score month by month (empty for a one-month period). */
  trend: TrendPoint[];
  /** The focus unit's hazards by tier and state at the period's end. */
  hazards: HazardTally[];
  /** Corrections the data made: each fact (or assessor's value) that replaced an earlier one. */
  corrections: Correction[];
  records: { read: number; outsidePeriod: number; units: number };
}
