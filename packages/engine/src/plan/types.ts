import type { Bilingual } from '@gridsafe/schema';

/** A grid to plan patrols for. */
export interface PatrolGrid {
  id: string;
  /** Picks the checklist (`gridType` of a checklist file), e.g. `village` or `community`. */
  gridType?: string;
  /** The grid's level id; cadences bound to a level apply only to grids of that level. */
  level?: string;
  /** Who patrols it, carried onto its tasks. */
  worker?: string;
  /**
   * The places (ids of the pack's `places`) the grid lies in. A cadence scoped to places applies
   * only to grids in one of them; a grid that does not say where it lies gets none of them, and the
   * plan lists them as unscheduled with reason `placeUnknown`.
   */
  places?: readonly string[];
}

/** Where a patrol task stands. */
export type PatrolStatus = 'scheduled' | 'done' | 'overdue' | 'missed';

/** Why a task was not done by its day. `reported`: the worker reported it in time (五全). */
export interface UndoneReason {
  code: 'reported' | 'unreported' | 'notDoneWhenCarried';
  note?: string;
}

/** One change of a task's status, kept for the record. */
export interface PatrolEvent {
  status: PatrolStatus;
  on: string;
  reason?: UndoneReason;
}

/** A patrol the plan asks for: one grid, one cadence, one period. Plain JSON. */
export interface PatrolTask {
  /** `grid/cadence/from#n`: stable, so planning the same day twice gives the same tasks. */
  id: string;
  grid: string;
  worker?: string;
  cadence: string;
  title: Bilingual;
  checklist?: string;
  /** The period it is due in. */
  from: string;
  due: string;
  status: PatrolStatus;
  /** The day an overdue task was carried to; it must be done that day. */
  carriedTo?: string;
  /** What the worker reported when it could not be done (see {@link reportUndone}). */
  report?: UndoneReason;
  doneOn?: string;
  record?: string;
  /** Done, but only on the day it was carried to. */
  late?: boolean;
  history: PatrolEvent[];
}

/**
 * A cadence the plan made no task for, and why: `noNumber` when the text gives no number (定期,
 * 经常) and none is invented; `placeUnknown` when the cadence holds in named places only and the grid
 * does not say where it lies.
 */
export interface Unscheduled {
  cadence: string;
  reason: 'noNumber' | 'placeUnknown';
  /** The grid, for `placeUnknown`. */
  grid?: string;
}

/** A day's plan: every task open that day, those that became missed, and those done this period. */
export interface PatrolPlan {
  date: string;
  tasks: PatrolTask[];
  /** Cadences of the requested activities that made no task, each with its reason. */
  unscheduled: Unscheduled[];
}
