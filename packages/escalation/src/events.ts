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
