import type { RejectionParams } from './codes.js';

type Messages = { [C in keyof RejectionParams]: (p: RejectionParams[C]) => string };

const list = (xs: readonly string[]) => (xs.length ? xs.map((x) => `"${x}"`).join(', ') : 'none');

/** English rejection messages, one per code. */
export const en: Messages = {
  'escalation.final': (p) => `the case is ${p.state}; a closed or voided case takes no more events`,
  'escalation.notInState': (p) => `${p.event} is not accepted in state "${p.state}"; accepted here: ${list(p.accepted)}`,
  'escalation.role': (p) => `role "${p.role}" may not send ${p.event} now; allowed: ${list(p.allowed)}`,
  'escalation.badEvent': (p) => `${p.event}: field "${p.field}" must be ${p.expected}`,
  'escalation.missing': (p) =>
    `${p.event} needs ${p.field === 'photos' ? 'at least one photo' : p.field === 'evidence' ? 'rectification evidence' : p.field === 'plan' ? 'a remediation plan' : 'a reason'}`,
  'escalation.target': (p) => `${p.event} from "${p.tier}" to "${p.to}" is not allowed by the policy; allowed: ${list(p.allowed)}`,
  'escalation.planRequired': (p) => `a major hazard needs a remediation plan (${p.fields.join(', ')}) before it is resolved`,
  'escalation.planIncomplete': (p) => `the remediation plan lacks ${list(p.missing)}`,
  'escalation.planNotMajor': (p) => `only a major hazard takes a remediation plan; this one is ${p.severity}`,
  'escalation.notDue': (p) => `DEADLINE at ${p.at} is early: the case is due at ${p.due}`,
  'escalation.timeBackwards': (p) => `event time ${p.at} is before the case's last event at ${p.last}`,
  'escalation.extensionNotLater': (p) => `an extension must be later than the current due time ${p.due}, not ${p.until}`,
  'escalation.extension': (p) =>
    p.pending ? 'an extension request is already pending; decide it first' : 'there is no extension request to decide',
  'escalation.packMismatch': (p) =>
    `the case was opened under pack ${p.casePack}@${p.caseVersion}; this machine is ${p.pack}@${p.version}: use the pinned version`,
  'escalation.reason': (p) =>
    `${p.event} from "${p.tier}" for reason "${p.reason}" is not allowed: the policy lets this case go up from here for ${list(p.allowed)}`,
  'escalation.badCase': (p) => `the stored case is not a case: ${p.field || '(the row)'} must be ${p.expected}`,
  'escalation.caseExists': (p) =>
    `case "${p.caseId}" already exists, opened by report "${p.existing}"; report "${p.report}" cannot open it again`,
  'escalation.notMachine': () => 'not a machine made by createEscalationMachine',
};
