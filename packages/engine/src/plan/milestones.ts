import { type Bilingual, type Citation, type Issue, makeIssue, periodDateRange, toPointer } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { ResolvedPack } from '../resolve/types.js';
import { dayNumber } from './calendar.js';

/**
 * Where a phase or milestone stands on a day: `upcoming` before it starts, `open` from its start
 * (or, without one, until) its deadline, `overdue` after its deadline and not done, `done` done by
 * its deadline, `late` done after it, `undated` when the text gives no deadline and it is not done.
 */
export type MilestoneState = 'upcoming' | 'open' | 'overdue' | 'done' | 'late' | 'undated';

/** One phase or milestone of the pack on the day asked about. */
export interface MilestoneStatus {
  id: string;
  kind: 'phase' | 'milestone';
  title: Bilingual;
  /** A phase's place in the sequence. */
  order?: number;
  /** The milestone's phase. */
  phase?: string;
  /** First day of the phase, when the text gives a start. */
  from?: string;
  /** Last day to have it done (the end of the month for `2017-09`, of the year for `2018`). */
  by?: string;
  state: MilestoneState;
  /** Days from the day asked about to the deadline, for an open one (0 on the last day). */
  daysLeft?: number;
  /** Days past the deadline, for an overdue one. */
  daysOver?: number;
  /** The day it was done, when the host said. */
  doneOn?: string;
  /** What must be done in it. */
  tasks: { id: string; text: Bilingual }[];
  source?: Citation[];
  localDefault?: true;
}

/** The pack's phases and milestones on a day: each with its state, and which are due or overdue. */
export interface MilestoneReport {
  date: string;
  pack: { id: string; version: string };
  items: MilestoneStatus[];
  /** Open ones: under way, with their deadline still ahead (or today). */
  due: string[];
  /** Past their deadline and not done. */
  overdue: string[];
  /** The nearest deadline still ahead, of an open or upcoming one. */
  next?: { id: string; by: string };
}

const at = (path: (string | number)[]) => ({ file: 'input', line: 0, column: 0, pointer: toPointer(path) });

function state(date: string, from: string | undefined, by: string | undefined, doneOn: string | true | undefined): MilestoneState {
  if (doneOn !== undefined) return doneOn !== true && by !== undefined && doneOn > by ? 'late' : 'done';
  if (from !== undefined && date < from) return 'upcoming';
  if (by === undefined) return 'undated';
  return date > by ? 'overdue' : 'open';
}

/**
 * The pack's phases (工作阶段) and milestones on `date`: which is upcoming, open (due), overdue,
 * done, done late, or undated because the text gives no deadline. Dates as precise as the text: a
 * deadline of `2017-09` ("by the end of September 2017") is 2017-09-30, of `2018` ("by the end of
 * 2018") 2018-12-31. Pass `done` with the ids done and the day each was done (or `true` when the day
 * is not known). A date that is not a calendar date, or a `done` id the pack does not have, gives
 * located issues.
 *
 * @example
 * ```ts
 * import { milestonesDue, type ResolvedPack } from '@gridsafe/engine';
 * declare const chibi: ResolvedPack;
 * const r = milestonesDue(chibi, '2017-11-15', { done: { 'chibi.phase.preparation': '2017-09-28' } });
 * if (r._tag === 'Right') console.log(r.right.due, r.right.overdue, r.right.next);
 * ```
 */
export function milestonesDue(
  pack: ResolvedPack,
  date: string,
  options: { done?: Readonly<Record<string, string | true>> } = {},
): E.Either<Issue[], MilestoneReport> {
  const issues: Issue[] = [];
  if (typeof date !== 'string' || dayNumber(date) === undefined)
    issues.push(makeIssue('codec.invalid', at(['date']), { expected: 'a calendar date YYYY-MM-DD' }, { found: JSON.stringify(date) }));
  const phases = pack.hierarchies.flatMap((h) => h.phases ?? []);
  const milestones = pack.hierarchies.flatMap((h) => h.milestones ?? []);
  const ids = new Set([...phases, ...milestones].map((x) => x.id));
  const done = options.done ?? {};
  if (done === null || typeof done !== 'object' || Array.isArray(done)) {
    issues.push(makeIssue('codec.invalid', at(['done']), { expected: '{ <id>: date | true }' }, { found: JSON.stringify(done) }));
  } else {
    for (const [id, on] of Object.entries(done)) {
      if (!ids.has(id)) issues.push(makeIssue('milestone.unknown', at(['done', id]), { id }, { found: id }));
      else if (on !== true && (typeof on !== 'string' || dayNumber(on) === undefined))
        issues.push(
          makeIssue('codec.invalid', at(['done', id]), { expected: 'a calendar date YYYY-MM-DD, or true' }, { found: JSON.stringify(on) }),
        );
    }
  }
  if (issues.length > 0) return E.left(issues);
  const items: MilestoneStatus[] = [
    ...[...phases].sort((a, b) => a.order - b.order).map((p) => ({ ...p, kind: 'phase' as const })),
    ...milestones.map((m) => ({ ...m, kind: 'milestone' as const, from: undefined, order: undefined })),
  ].map((x) => {
    const from = x.from === undefined ? undefined : periodDateRange(x.from)?.first;
    const by = x.by === undefined ? undefined : periodDateRange(x.by)?.last;
    const doneOn = done[x.id];
    const s = state(date, from, by, doneOn);
    const day = dayNumber(date) as number;
    const byDay = by === undefined ? undefined : (dayNumber(by) as number);
    return {
      id: x.id,
      kind: x.kind,
      title: x.title,
      ...(x.order !== undefined ? { order: x.order } : {}),
      ...('phase' in x && x.phase !== undefined ? { phase: x.phase } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(by !== undefined ? { by } : {}),
      state: s,
      ...(s === 'open' && byDay !== undefined ? { daysLeft: byDay - day } : {}),
      ...(s === 'overdue' && byDay !== undefined ? { daysOver: day - byDay } : {}),
      ...(typeof doneOn === 'string' ? { doneOn } : {}),
      tasks: x.tasks.map((t) => ({ id: t.id, text: t.text })),
      ...(x.source ? { source: x.source } : {}),
      ...(x.localDefault ? { localDefault: true as const } : {}),
    };
  });
  const ahead = items
    .filter((i) => (i.state === 'open' || i.state === 'upcoming') && i.by !== undefined)
    .sort((a, b) => ((a.by as string) < (b.by as string) ? -1 : (a.by as string) > (b.by as string) ? 1 : 0));
  const next = ahead[0];
  return E.right({
    date,
    pack: { id: pack.id, version: pack.version },
    items,
    due: items.filter((i) => i.state === 'open').map((i) => i.id),
    overdue: items.filter((i) => i.state === 'overdue').map((i) => i.id),
    ...(next ? { next: { id: next.id, by: next.by as string } } : {}),
  });
}
