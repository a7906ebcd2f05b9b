/**
 * `@gridsafe/escalation`: the life of a hazard case, generated from a resolved pack's escalation
 * policy.
 *
 * @packageDocumentation
 */
export { ESCALATION_EVENT_TYPES, type EscalationEventType } from './events.js';
