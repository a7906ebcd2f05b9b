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

/** A day's plan: every task open that day, those that became missed, and those done this period. */
export interface PatrolPlan {
  date: string;
  tasks: PatrolTask[];
}
