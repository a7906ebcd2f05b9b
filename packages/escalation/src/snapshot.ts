/** One accepted event in a case's audit trail. */
export interface AuditEntry {
  /** The event's id. */
  id: string;
  event: string;
  actor: string;
  role: string;
  /** The owning tier after the event. */
  tier: string;
  at: string;
  from: string;
  to: string;
  /** For a move up (ESCALATE, or DEADLINE under an escalating policy): the policy's reason id. */
  reason?: string;
  /** The note, reason text or target the event gave, if any. */
  detail?: string;
}

/** When the case is next due, and for which state. */
export interface Due {
  at: string;
  state: string;
  /**
   * Set once the due time of the state has passed: `at` is then the time of the next reminder,
   * repeated on the policy's `supervision.remindEvery`, so that an open case always has a next
   * deadline.
   */
  overdue?: true;
}

/** Where a case is: the grid, and the unit it belongs to at each level of the hierarchy. */
export interface CasePlace {
  /** The grid (网格) it was found in. */
  grid?: string;
  /** Unit ids by hierarchy level id, e.g. `{ "xianyou.level.village": "v-12", "xianyou.level.township": "t-3" }`. */
  units?: Record<string, string>;
}

/** Who has a case now: the unit of the owning tier, and a person where one was named. */
export interface Assignee {
  unit?: string;
  person?: string;
}

/**
 * A case (a hazard, an illegal act or a complaint) as plain JSON: what a host stores in its own
 * database. It carries the pack id and version it was opened under, where and what it is, its
 * evidence, who has it, the state, the owning tier, the due time and the audit trail.
 */
export interface CaseSnapshot {
  format: 'gridsafe.case/2';
  caseId: string;
  pack: { id: string; version: string };
  policy: string;
  /** `new`, `closed`, `voided`, or `<tier key>.<step>` (e.g. `township.handle`). */
  state: string;
  /** The kind of case (a kind id of the policy: 隐患, 违法行为, 投诉举报…). */
  kind: string;
  /** The severity grade (a grade id of the policy); absent while the case is not graded. */
  grade?: string;
  /** The tier that owns the case now (exactly one). */
  owner: string;
  /** Tiers the case has passed through, entry first; `RETURN` steps back along it. */
  path: string[];
  /** Where it is. */
  where?: CasePlace;
  /** What it is: the patrol record and the checklist item it came from. */
  record?: { id?: string; item?: string };
  /** The evidence: photos at report, and the evidence each resolution gave. */
  evidence?: { report: string[]; resolution?: string[] };
  /** Who has it. */
  assignee?: Assignee;
  /** The tier that sent the case down (交办) and supervises it from above. */
  supervisedBy?: string;
  /** Departments the owning tier forwarded the case to (a joint team when several). */
  departments?: string[];
  /** The lead of the joint team: one of `departments`, or the owning tier itself. */
  lead?: string;
  /** The members of the joint team that have completed their part, in order. */
  completed?: string[];
  /** The report-up rules (`reportsUp`) that have fired, in order. */
  reportedUp?: string[];
  /** How many overdue reminders the case has had. */
  reminders?: number;
  due?: Due;
  plan?: Record<string, string>;
  extension?: { until: string; reason: string; by: string };
  rework: number;
  facts?: Record<string, unknown>;
  audit: AuditEntry[];
}

/** The states every case may end in. */
export const FINAL_STATES = ['closed', 'voided'] as const;

/**
 * Whether a case is closed or voided (`false` for anything that is not a case).
 *
 * @example
 * ```ts
 * import { isFinal, type CaseSnapshot } from '@gridsafe/escalation';
 * declare const c: CaseSnapshot;
 * if (!isFinal(c)) console.log('still open at', c.owner);
 * ```
 */
export function isFinal(snapshot: Pick<CaseSnapshot, 'state'>): boolean {
  const state = (snapshot as { state?: unknown } | null | undefined)?.state;
  return state === 'closed' || state === 'voided';
}
