import { type Issue, makeIssue, toPointer } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { dayNumber } from './calendar.js';
import type { PatrolTask, UndoneReason } from './types.js';

const at = (pointer: string) => ({ file: 'input', line: 0, column: 0, pointer });

function check(task: PatrolTask, date: string, field: string): Issue[] {
  if (dayNumber(date) === undefined) {
    return [
      makeIssue('codec.invalid', at(toPointer([field])), { expected: 'a calendar date YYYY-MM-DD' }, { found: JSON.stringify(date) }),
    ];
  }
  if (task.status === 'done' || task.status === 'missed') {
    return [makeIssue('patrol.taskClosed', at(''), { task: task.id, status: task.status })];
  }
  const last = task.carriedTo ?? task.due;
  if (date < task.from || date > last) {
    return [makeIssue('patrol.outsideWindow', at(toPointer([field])), { task: task.id, date, from: task.from, due: last })];
  }
  return [];
}

/**
 * Mark a patrol task done on `on` (a date in its period, or the day it was carried to), with the
 * id of the patrol record that did it. A task already done or missed, or a day outside its period,
 * gives an issue and leaves the task as it was.
 *
 * @example
 * ```ts
 * import { completePatrol, type PatrolTask } from '@gridsafe/engine';
 * declare const task: PatrolTask;
 * const done = completePatrol(task, { on: '2026-03-03', record: 'r-17' });
 * if (done._tag === 'Left') console.log(done.left[0]?.message.en);
 * ```
 */
export function completePatrol(task: PatrolTask, done: { on: string; record?: string }): E.Either<Issue[], PatrolTask> {
  const issues = check(task, done.on, 'on');
  if (issues.length > 0) return E.left(issues);
  return E.right({
    ...task,
    status: 'done',
    doneOn: done.on,
    ...(done.record === undefined ? {} : { record: done.record }),
    ...(task.status === 'overdue' ? { late: true } : {}),
    history: [...task.history, { status: 'done', on: done.on }],
  });
}

/**
 * Record the worker's report that a task cannot be done on its day, with the reason (五全: report
 * in time, and the task is carried into the next day's plan). The next plan keeps the reason on the
 * task's history.
 *
 * @example
 * ```ts
 * import { reportUndone, type PatrolTask } from '@gridsafe/engine';
 * declare const task: PatrolTask;
 * const reported = reportUndone(task, { on: '2026-03-03', note: '防汛值班' });
 * if (reported._tag === 'Right') console.log(reported.right.report); // { code: 'reported', note: '防汛值班' }
 * ```
 */
export function reportUndone(task: PatrolTask, report: { on: string; note?: string }): E.Either<Issue[], PatrolTask> {
  const issues = check(task, report.on, 'on');
  if (issues.length > 0) return E.left(issues);
  const reason: UndoneReason = { code: 'reported', ...(report.note === undefined ? {} : { note: report.note }) };
  return E.right({ ...task, report: reason });
}
