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
  /** The reason, note or target the event gave, if any. */
  detail?: string;
}

/** When the case is next due, and for which state. */
export interface Due {
  at: string;
  state: string;
  /** Set once `DEADLINE` has been handled for this due time and the policy says to do nothing more. */
  overdue?: true;
}

/**
 * A hazard case as plain JSON: what a host stores in its own database. It carries the pack id and
 * version it was opened under, the state, the owning tier, the due time and the audit trail.
 */
export interface CaseSnapshot {
  format: 'gridsafe.case/1';
  caseId: string;
  pack: { id: string; version: string };
  policy: string;
  /** `new`, `closed`, `voided`, or `<tier key>.<step>` (e.g. `township.handle`). */
  state: string;
  severity: 'general' | 'major';
  /** The tier that owns the case now (exactly one). */
  owner: string;
  /** Tiers the case has passed through, entry first; `RETURN` steps back along it. */
  path: string[];
  /** Departments the owning tier forwarded the case to (a joint team when several). */
  departments?: string[];
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
 * Whether a case is closed or voided.
 *
 * @example
 * ```ts
 * import { isFinal, type CaseSnapshot } from '@gridsafe/escalation';
 * declare const c: CaseSnapshot;
 * if (!isFinal(c)) console.log('still open at', c.owner);
 * ```
 */
export function isFinal(snapshot: Pick<CaseSnapshot, 'state'>): boolean {
  return snapshot.state === 'closed' || snapshot.state === 'voided';
}
