import type { Assignee, CasePlace } from './snapshot.js';

/**
 * Every event a case accepts, in the order of the closed loop.
 *
 * @example
 * ```ts
 * import { ESCALATION_EVENT_TYPES } from '@gridsafe/escalation';
 * console.log(ESCALATION_EVENT_TYPES.includes('REPORT')); // true
 * ```
 */
export const ESCALATION_EVENT_TYPES = [
  'REPORT',
  'ACCEPT',
  'RESOLVE',
  'ESCALATE',
  'FORWARD',
  'SEND_DOWN',
  'GRADE',
  'SUBMIT_PLAN',
  'VERIFY_PASS',
  'VERIFY_FAIL',
  'REQUEST_EXTENSION',
  'DECIDE_EXTENSION',
  'RETURN',
  'DEADLINE',
  'SUPERVISE',
  'VOID',
  'CLOSE',
] as const;

/** One of {@link ESCALATION_EVENT_TYPES}. */
export type EscalationEventType = (typeof ESCALATION_EVENT_TYPES)[number];

/** Fields every event carries: a unique id (duplicates are ignored), its time, and who sent it. */
export interface EventMeta {
  /** Unique per case; an event whose id the case has already accepted is ignored. */
  id: string;
  /** When it happened (an RFC 3339 date-time with a zone). The case takes time from events, never from a clock. */
  at: string;
  /** The person or system sending it. */
  actor: string;
  /**
   * The role the sender acts in: a tier id of the policy, a department id the case was forwarded to,
   * or `system` (for `DEADLINE`).
   */
  role: string;
}

/** A remediation plan for a major hazard: one text per field the policy requires. */
export type RemediationPlan = Partial<Record<'target' | 'method' | 'funds' | 'responsible' | 'deadline' | 'safetyMeasures', string>>;

/** Where and what a reported case is, and who takes it: all optional, kept on the case. */
export interface ReportDetails {
  /** The kind of case (a kind id of the policy); absent: the policy's first kind. */
  kind?: string;
  /** The grade the reporter judges it to be (a grade id of the policy); absent: not graded. */
  grade?: string;
  description?: string;
  facts?: Record<string, unknown>;
  where?: CasePlace;
  record?: { id?: string; item?: string };
  assignee?: Assignee;
}

/** An event a case accepts. */
export type EscalationEvent = EventMeta &
  (
    | ({ type: 'REPORT'; photos: string[] } & ReportDetails)
    | { type: 'ACCEPT'; note?: string; assignee?: Assignee }
    | { type: 'RESOLVE'; evidence: string[]; note?: string }
    | { type: 'ESCALATE'; reason: string; note?: string; to?: string; assignee?: Assignee }
    | { type: 'FORWARD'; to: string | string[]; lead?: string; reason?: string; assignee?: Assignee }
    | { type: 'SEND_DOWN'; to: string; note?: string; assignee?: Assignee }
    | { type: 'GRADE'; grade: string; note?: string }
    | { type: 'SUBMIT_PLAN'; plan: RemediationPlan }
    | { type: 'VERIFY_PASS'; note?: string }
    | { type: 'VERIFY_FAIL'; reason: string }
    | { type: 'REQUEST_EXTENSION'; until: string; reason: string }
    | { type: 'DECIDE_EXTENSION'; approve: boolean; note?: string }
    | { type: 'RETURN'; reason: string }
    | { type: 'DEADLINE' }
    | { type: 'SUPERVISE'; note?: string }
    | { type: 'VOID'; reason: string }
    | { type: 'CLOSE'; note?: string }
  );

/** The event of one type. */
export type EventOf<T extends EscalationEventType> = Extract<EscalationEvent, { type: T }>;
