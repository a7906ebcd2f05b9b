import type { CaseSnapshot, Effect, MachineLookupIssue, Rejection } from '@gridsafe/escalation';
import type { Issue } from '@gridsafe/schema';
import type { StoreIssue } from './errors.js';

/** Anything the store can answer a request with instead of applying it. */
export type StoreProblem = Issue | StoreIssue | MachineLookupIssue;

/**
 * What {@link CaseStore.apply} and {@link CaseStore.open} answer, by `outcome`:
 * - `applied`: the case, the event, its due time and its effects were written in one transaction;
 * - `duplicate`: an event with this id was already recorded for the case (a retry); nothing
 *   changed, and `first` says what the first delivery got;
 * - `rejected`: the machine refused the event; the case is unchanged, and the event is recorded
 *   with its rejection (a retry of it comes back as a duplicate);
 * - `invalid`: the request itself is wrong (malformed event, unknown case, no machine for the
 *   case's pack); nothing was written.
 */
export type ApplyResult =
  | { outcome: 'applied'; snapshot: CaseSnapshot; effects: Effect[]; seq: number }
  | { outcome: 'duplicate'; snapshot: CaseSnapshot; first: 'applied' | 'rejected'; rejected?: Rejection }
  | { outcome: 'rejected'; snapshot: CaseSnapshot; rejected: Rejection }
  | { outcome: 'invalid'; issues: StoreProblem[] };

/** One recorded event of a case, applied or rejected, in the order recorded. */
export interface EventRow {
  seq: number;
  eventId: string;
  type: string;
  outcome: 'applied' | 'rejected';
  event: unknown;
  rejection?: Rejection;
  /** When the database recorded it (ISO). */
  recordedAt: string;
}

/** One effect waiting in the outbox. */
export interface OutboxItem {
  id: number;
  caseId: string;
  eventId: string;
  effect: Effect;
}
