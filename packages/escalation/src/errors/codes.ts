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
    /** The rejected event's id and type. */
    event: { id: string; type: string };
    message: { zh: string; en: string };
  };
}[RejectionCode];

/** Why a pack's escalation policy cannot become a machine. */
export interface MachineIssue {
  code: 'escalation.noPolicy' | 'escalation.unknownTier';
  params: { pack: string; policy?: string; tier?: string };
  message: { zh: string; en: string };
}
