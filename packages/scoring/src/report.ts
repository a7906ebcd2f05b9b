import type { Bilingual } from '@gridsafe/schema';
import type { HazardTally } from './aggregate/facts.js';
import type { Period } from './period.js';
import type { Scorecard } from './score.js';

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
  /** 1-based rank among units of the same level (ties share a rank; vetoed units rank last). */
  rank: number;
  /** How many units of that level were ranked. */
  of: number;
}

/** The focus unit's score in one month of the period. */
export interface TrendPoint {
  period: string;
  score: number;
  grade: string | null;
  vetoed: boolean;
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
  /** The focus unit's score month by month. */
  trend: TrendPoint[];
  /** The focus unit's hazards by tier and state at the period's end. */
  hazards: HazardTally[];
  records: { read: number; outsidePeriod: number; units: number };
}
