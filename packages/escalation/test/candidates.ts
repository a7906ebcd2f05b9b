import {
  addDuration,
  allowedEvents,
  CASE_START,
  type CaseSnapshot,
  calendarDays,
  type EscalationEvent,
  type EscalationMachine,
  machineModel,
} from '../src/index.js';

/** The time of the next event: an hour after the last one (DEADLINE: at the due time if later). */
export function nextAt(c: CaseSnapshot, type: string): string {
  const last = c.audit.at(-1)?.at ?? CASE_START;
  const at = addDuration(last, 'PT1H', calendarDays);
  return type === 'DEADLINE' && c.due && Date.parse(c.due.at) > Date.parse(at) ? c.due.at : at;
}

/**
 * Every event worth trying on a case: each event type the state accepts, from each role allowed to
 * send it and from one that is not, with each payload variant (targets, teams, approve or refuse).
 */
export function candidateEvents(machine: EscalationMachine, c: CaseSnapshot): EscalationEvent[] {
  const { model } = machineModel(machine);
  const owner = model.tiers.get(c.owner);
  const n = c.audit.length;
  const plan = Object.fromEntries(model.policy.majorPlan.fields.map((f) => [f, `plan ${f}`]));
  const variants: Record<string, Record<string, unknown>[]> = {
    REPORT: [
      { severity: 'general', photos: ['p.jpg'] },
      { severity: 'major', photos: ['p.jpg'] },
    ],
    ESCALATE: (owner?.escalateTargets ?? []).map((to) => ({ reason: 'cannot remove', to })),
    FORWARD: [
      ...(owner?.forwardTiers ?? []).map((to) => ({ to })),
      ...(owner?.forwardDepts.length ? [{ to: owner.forwardDepts[0] }, { to: owner.forwardDepts.slice(0, 2) }] : []),
    ],
    RESOLVE: [{ evidence: ['after.jpg'] }],
    SUBMIT_PLAN: [{ plan }],
    VERIFY_FAIL: [{ reason: 'not rectified' }],
    REQUEST_EXTENSION: [{ until: addDuration(c.due?.at ?? CASE_START, 'P7D', calendarDays), reason: 'more time' }],
    DECIDE_EXTENSION: [{ approve: true }, { approve: false }],
    RETURN: [{ reason: 'not ours' }],
    VOID: [{ reason: 'duplicate' }],
  };
  const out: EscalationEvent[] = [];
  for (const a of c.state === 'new' ? [{ type: 'REPORT' as const, roles: [model.entry.id] }] : allowedEvents(machine, c)) {
    const at = nextAt(c, a.type);
    for (const [k, role] of [...a.roles, 'nobody'].entries())
      for (const [v, payload] of (variants[a.type] ?? [{}]).entries())
        out.push({ type: a.type, id: `e${n}-${a.type}-${k}-${v}`, at, actor: `p-${role}`, role, ...payload } as EscalationEvent);
  }
  return out;
}
