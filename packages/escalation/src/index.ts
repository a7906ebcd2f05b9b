/**
 * `@gridsafe/escalation`: the life of a case (a hazard, an illegal act, a complaint), generated from a resolved pack's escalation
 * policy.
 *
 * @packageDocumentation
 */

export { type AllowedEvent, allowedEvents } from './allowed.js';
export { type CaseProblem, decodeCase } from './case/decode.js';
export { CASE_START, reasonsRecorded, runEscalationCase, tiersPassed } from './cases.js';
export { dueCases, nextDeadline } from './deadline.js';
export { escalationGraph, escalationMarkdown } from './diagram.js';
export type { Effect } from './effects.js';
export type { MachineIssue, RejectedEvent, Rejection, RejectionCode, RejectionParams } from './errors/codes.js';
export { formatRejection, makeRejection, rejectionMessage } from './errors/render.js';
export {
  ESCALATION_EVENT_TYPES,
  type EscalationEvent,
  type EscalationEventType,
  type EventMeta,
  type EventOf,
  type RemediationPlan,
  type ReportDetails,
} from './events.js';
export type { Rule } from './handlers/rule.js';
export { createEscalationMachine, type EscalationMachine, type MachineModel, type MachineOptions, machineModel } from './machine/create.js';
export type { GraphEdge, GraphNode, MachineGraph } from './machine/graph.js';
export { toGraph } from './machine/graph.js';
export { graphToMermaid, toMermaid } from './machine/mermaid.js';
export { openCase, reportEvent } from './open.js';
export { type CaseTraits, DEFAULT_GRADES, DEFAULT_KIND, type PolicyModel, type TierModel } from './policy/model.js';
export { STEP_TITLES, STEPS, type Step } from './policy/steps.js';
export { type CaseRecord, type CaseRecordOptions, caseRecords } from './records.js';
export { type MachineLookupIssue, type MachineRegistry, machineRegistry } from './registry.js';
export { type Assignee, type AuditEntry, type CasePlace, type CaseSnapshot, type Due, FINAL_STATES, isFinal } from './snapshot.js';
export { type Calendar, calendarDays, workingDayCalendar } from './time/calendar.js';
export { addDuration, parseDuration } from './time/duration.js';
export { isInstant, parseInstant } from './time/instant.js';
export { type TransitionOptions, type TransitionResult, transition } from './transition.js';
