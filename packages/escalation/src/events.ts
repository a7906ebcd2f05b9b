/**
 * Every event a hazard case accepts, in the order of the closed loop.
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
  /** When it happened (ISO 8601 date-time). The case takes time from events, never from a clock. */
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

/** An event a hazard case accepts. */
export type EscalationEvent = EventMeta &
  (
    | { type: 'REPORT'; severity: 'general' | 'major'; photos: string[]; description?: string; facts?: Record<string, unknown> }
    | { type: 'ACCEPT'; note?: string }
    | { type: 'RESOLVE'; evidence: string[]; note?: string }
    | { type: 'ESCALATE'; reason: string; to?: string }
    | { type: 'FORWARD'; to: string | string[]; reason?: string }
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
