import {
  addDuration,
  allowedEvents,
  CASE_START,
  type CaseSnapshot,
  calendarDays,
  type EscalationEvent,
  type EscalationMachine,
  type MachineModel,
  machineModel,
} from '../src/index.js';

/** The machine's model (the fixtures' machines are all made by createEscalationMachine). */
export const modelOf = (machine: EscalationMachine) => (machineModel(machine) as MachineModel).model;

/** The time of the next event: an hour after the last one (DEADLINE: at the due time if later). */
export function nextAt(c: CaseSnapshot, type: string): string {
  const last = c.audit.at(-1)?.at ?? CASE_START;
  const at = addDuration(last, 'PT1H', calendarDays) as string;
  return type === 'DEADLINE' && c.due && Date.parse(c.due.at) > Date.parse(at) ? c.due.at : at;
}

/** Every REPORT worth trying: each kind from its entry tier, ungraded and at each grade (`few`: ungraded and the highest). */
export function reportVariants(machine: EscalationMachine, few = false): { role: string; payload: Record<string, unknown> }[] {
  const model = modelOf(machine);
  return [...model.kinds].flatMap(([kind, entry], k) =>
    [undefined, ...(few ? (k === 0 ? model.grades.slice(-1) : []) : model.grades)].map((grade) => ({
      role: entry.id,
      payload: { kind, photos: ['p.jpg'], ...(grade !== undefined ? { grade } : {}) },
    })),
  );
}

/**
 * Every event worth trying on a case: each event type the state accepts, from each role allowed to
 * send it and from one that is not, with each payload variant (kinds and grades, targets, reasons
 * listed or not, teams and leads, approve or refuse). `few` keeps one variant of each kind of
 * payload (for exploring the whole machine, whose states multiply with each).
 */
export function candidateEvents(machine: EscalationMachine, c: CaseSnapshot, few = false): EscalationEvent[] {
  const model = modelOf(machine);
  const owner = model.tiers.get(c.owner);
  const n = c.audit.length;
  const plan = Object.fromEntries(model.policy.majorPlan.fields.map((f) => [f, `plan ${f}`]));
  const reasons = [...new Set([...(owner?.escalatesOn ?? []), ...(model.policy.reasons ?? []).map((r) => r.id)])];
  const depts = owner?.forwardDepts ?? [];
  const applicable = model.reasonsFor(c.owner, c);
  const unlisted = reasons.find((r) => !applicable.includes(r)) ?? 'no.such.reason';
  const variants: Record<string, Record<string, unknown>[]> = {
    ESCALATE: (owner?.escalateTargets ?? []).flatMap((to) =>
      (few ? [...applicable.slice(0, 1), unlisted] : reasons).map((reason) => ({ reason, to })),
    ),
    FORWARD: [
      ...(owner?.forwardTiers ?? []).map((to) => ({ to })),
      ...(depts.length ? [{ to: depts[0] }] : []),
      ...(depts.length > 1 && !few ? [{ to: depts.slice(0, 2) }, { to: depts.slice(0, 2), lead: depts[1] }] : []),
      ...(depts.length > 1 ? [{ to: depts.slice(0, 2), lead: c.owner }] : []),
    ],
    SEND_DOWN: (owner?.sendDownTiers ?? []).map((to) => ({ to })),
    GRADE: (few ? model.grades.slice(-1) : model.grades).map((grade) => ({ grade })),
    RESOLVE: [{ evidence: ['after.jpg'] }],
    SUBMIT_PLAN: [{ plan }],
    VERIFY_FAIL: [{ reason: 'not rectified' }],
    REQUEST_EXTENSION: [{ until: addDuration(c.due?.at ?? CASE_START, 'P7D', calendarDays), reason: 'more time' }],
    DECIDE_EXTENSION: [{ approve: true }, { approve: false }],
    RETURN: [{ reason: 'not ours' }],
    VOID: [{ reason: 'duplicate' }],
  };
  const out: EscalationEvent[] = [];
  if (c.state === 'new') {
    for (const [v, r] of reportVariants(machine, few).entries())
      for (const [k, role] of [r.role, 'nobody'].entries())
        out.push({ type: 'REPORT', id: `e0-REPORT-${k}-${v}`, at: CASE_START, actor: `p-${role}`, role, ...r.payload } as EscalationEvent);
    return out;
  }
  for (const a of allowedEvents(machine, c)) {
    const at = nextAt(c, a.type);
    for (const [k, role] of [...a.roles, 'nobody'].entries())
      for (const [v, payload] of (variants[a.type] ?? [{}]).entries())
        out.push({ type: a.type, id: `e${n}-${a.type}-${k}-${v}`, at, actor: `p-${role}`, role, ...payload } as EscalationEvent);
  }
  return out;
}
