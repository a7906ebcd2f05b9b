/** Typed parameters of every reason an escalation event can be rejected, by code. */
export interface RejectionParams {
  /** The case is closed or voided; nothing more happens to it. */
  'escalation.final': { state: string };
  /** The event is not one the case accepts in its current state. */
  'escalation.notInState': { event: string; state: string; accepted: string[] };
  /** The sender's role may not send this event now. */
  'escalation.role': { event: string; role: string; allowed: string[] };
  /** The event is malformed (a missing or wrong field). */
  'escalation.badEvent': { event: string; field: string; expected: string };
  /** A reason, evidence or photo the policy needs was not given. */
  'escalation.missing': { event: string; field: 'photos' | 'evidence' | 'reason' | 'plan' };
  /** ESCALATE, FORWARD or RETURN to a place the policy does not allow from here. */
  'escalation.target': { event: string; tier: string; to: string; allowed: string[] };
  /** A major hazard cannot be resolved before its remediation plan is submitted. */
  'escalation.planRequired': { fields: string[] };
  /** The remediation plan leaves out fields the policy requires. */
  'escalation.planIncomplete': { missing: string[] };
  /** Only a major hazard takes a remediation plan. */
  'escalation.planNotMajor': { severity: string };
  /** DEADLINE arrived before the case is due. */
  'escalation.notDue': { due: string; at: string };
  /** The event's time is before the case's last event. */
  'escalation.timeBackwards': { at: string; last: string };
  /** An extension must move the due time later. */
  'escalation.extensionNotLater': { due: string; until: string };
  /** DECIDE_EXTENSION with no request pending, or REQUEST_EXTENSION while one is. */
  'escalation.extension': { pending: boolean };
  /** The case was opened under another pack version than this machine's. */
  'escalation.packMismatch': { casePack: string; caseVersion: string; pack: string; version: string };
  /** ESCALATE (or a skip) for a reason this tier does not list, or that does not apply to this case's kind or grade. */
  'escalation.reason': { event: string; tier: string; reason: string; allowed: string[] };
  /** The stored case is not a case: a field is missing or of the wrong type (`field` is a JSON pointer). */
  'escalation.badCase': { field: string; expected: string };
  /** openCase for a case id that already exists, with another report. */
  'escalation.caseExists': { caseId: string; report: string; existing: string };
  /** The machine given is not one made by createEscalationMachine. */
  'escalation.notMachine': Record<string, never>;
}

/** Every rejection code. */
export type RejectionCode = keyof RejectionParams;

/**
 * Why an event was rejected, as data: a code, its typed parameters, the event it concerns and the
 * message in zh and en. The case is unchanged.
 */
export type Rejection = {
  [C in RejectionCode]: {
    code: C;
    severity: 'error';
    params: RejectionParams[C];
    /** The rejected event's id and type (empty when the event had none). */
    event: { id: string; type: string };
    message: { zh: string; en: string };
  };
}[RejectionCode];

/**
 * A rejected event as a record the host can append to its log (the store keeps these): the event's
 * id, type, time, sender and the case it was sent to, with the rejection. Every value is a string
 * or the rejection's own data, whatever the event held.
 */
export interface RejectedEvent {
  caseId: string;
  /** The case's state and owning tier when the event arrived. */
  state: string;
  owner: string;
  id: string;
  type: string;
  /** The event's time when it was an RFC 3339 date-time, else absent. */
  at?: string;
  actor?: string;
  role?: string;
  code: RejectionCode;
  params: RejectionParams[RejectionCode];
  message: { zh: string; en: string };
}

/** Why a pack's escalation policy cannot become a machine. */
export interface MachineIssue {
  code: 'escalation.noPolicy' | 'escalation.unknownTier';
  params: { pack: string; policy?: string; tier?: string };
  message: { zh: string; en: string };
}
