import type { ResolvedPack } from '@gridsafe/engine';
import {
  allowedEvents,
  type CaseSnapshot,
  createEscalationMachine,
  type EscalationEvent,
  type EscalationMachine,
  formatRejection,
  type MachineModel,
  machineModel,
  nextDeadline,
  openCase,
  reportEvent,
  tiersPassed,
  transition,
} from '@gridsafe/escalation';
import type { Lang } from '@gridsafe/schema';
import { UserError } from '../errors.js';
import type { Found } from './patrols.js';
import { between, plusHours } from './rng.js';

/** How a case is meant to go: closed at the village, up to the county and a department, left to go overdue (supervised and reminded), or a major one straight to the township. */
export type Scenario = 'village' | 'rework' | 'county' | 'overdue' | 'direct';

/** A case as the month left it. */
export interface DemoCase {
  found: Found;
  scenario: Scenario;
  snapshot: CaseSnapshot;
  /** Tiers it passed, in order. */
  path: string[];
  /** Whether a deadline passed while it was open. */
  overdue: boolean;
  /** Events the machine refused (none expected). */
  rejected: string[];
}

type Intent = 'up' | 'direct' | 'climb' | 'accept' | 'plan' | 'resolve' | 'fail' | 'verify' | 'close' | 'forward';

const SCRIPTS: Record<Scenario, Intent[]> = {
  village: ['up', 'accept', 'resolve', 'verify', 'close'],
  rework: ['up', 'accept', 'resolve', 'fail', 'resolve', 'verify', 'close'],
  county: ['up', 'climb', 'forward', 'accept', 'plan', 'resolve', 'verify', 'close'],
  overdue: ['up'],
  direct: ['direct', 'accept', 'plan', 'resolve', 'verify', 'close'],
};

const TYPES: Record<Intent, EscalationEvent['type']> = {
  up: 'ESCALATE',
  direct: 'ESCALATE',
  climb: 'ESCALATE',
  accept: 'ACCEPT',
  plan: 'SUBMIT_PLAN',
  resolve: 'RESOLVE',
  fail: 'VERIFY_FAIL',
  verify: 'VERIFY_PASS',
  close: 'CLOSE',
  forward: 'FORWARD',
};

/** Pick a scenario for a hazard, with the seeded generator. */
export function scenarioOf(f: Found, random: () => number): Scenario {
  const r = random();
  if (f.severity === 'major') return f.route?.direct && r < 0.5 ? 'direct' : r < 0.8 ? 'county' : 'overdue';
  return r < 0.45 ? 'village' : r < 0.55 ? 'rework' : r < 0.75 ? 'county' : 'overdue';
}

/** Run every hazard's case through the pack's escalation machine on a simulated clock, until `end`. */
export function runCases(pack: ResolvedPack, found: Found[], end: string, random: () => number, lang: Lang): DemoCase[] {
  const m = createEscalationMachine(pack);
  if (m._tag === 'Left') throw new UserError(m.left.map((i) => i.message[lang]).join('\n'));
  const machine = m.right;
  if (!machineModel(machine)) throw new UserError('escalation machine without its model');
  return found.map((f) => runOne(pack, machine, f, scenarioOf(f, random), end, random, lang));
}

function departmentFor(pack: ResolvedPack, options: string[], sector: string): string | undefined {
  const depts = pack.catalogs.flatMap((c) => c.departments ?? []);
  return options.find((o) => depts.find((d) => d.id === o)?.sectors?.includes(sector)) ?? options[0];
}

function runOne(
  pack: ResolvedPack,
  machine: EscalationMachine,
  f: Found,
  scenario: Scenario,
  end: string,
  random: () => number,
  lang: Lang,
): DemoCase {
  const { model } = machineModel(machine) as MachineModel;
  const opened = openCase(machine, `${pack.id}-${f.id}`, reportEvent(f.report, model.entry.id));
  if (opened.rejected) throw new UserError(formatRejection(opened.rejected, lang));
  let c = opened.snapshot;
  let at = f.at;
  let n = 0;
  const rejected: string[] = [];
  const send = (ev: Record<string, unknown>): boolean => {
    const r = transition(machine, c, { id: `${f.id}-${++n}`, ...ev } as EscalationEvent);
    c = r.snapshot;
    if (r.rejected) rejected.push(formatRejection(r.rejected, lang));
    return !r.rejected;
  };
  const deadlines = (until: string) => {
    // Reminders repeat while a case is overdue; a dozen a case is plenty for a month's story.
    for (let i = 0; i < 12; i++) {
      const d = nextDeadline(c);
      if (!d || Date.parse(d.at) > Date.parse(until)) return;
      send({ type: 'DEADLINE', at: d.at, actor: 'clock', role: 'system' });
    }
  };
  const script = [...SCRIPTS[scenario]];
  for (let step = 0; step < script.length && step < 20; step++) {
    const intent = script[step] as Intent;
    const type = TYPES[intent];
    const allowed = allowedEvents(machine, c).find((a) => a.type === type);
    if (!allowed && (intent === 'accept' || intent === 'plan')) continue;
    const owner = model.tiers.get(c.owner);
    if (intent === 'plan' && (!model.needsPlan(c.grade) || !model.policy.majorPlan?.required)) continue;
    // A case goes up only for a reason its tier lists that applies to it: the first one (none: it stays).
    const reason = type === 'ESCALATE' ? allowed?.reasons?.[0] : undefined;
    if (type === 'ESCALATE' && (!allowed || reason === undefined)) continue;
    // Act in time: a few hours later, before the tier's due time.
    let next = plusHours(at, between(random, 1, 18));
    const due = nextDeadline(c);
    if (due && Date.parse(next) >= Date.parse(due.at)) next = plusHours(due.at, -0.5);
    if (Date.parse(next) <= Date.parse(at)) next = plusHours(at, 0.1);
    if (Date.parse(next) > Date.parse(end)) break;
    deadlines(next);
    at = next;
    const roles = allowed?.roles.filter((r) => r !== 'system') ?? [];
    const role = roles.find((r) => c.departments?.includes(r)) ?? roles.find((r) => r === c.owner) ?? roles[0] ?? c.owner;
    const ev: Record<string, unknown> = { type, at, actor: `${role}-staff`, role };
    if (intent === 'direct') ev.to = f.route?.tier;
    if (type === 'ESCALATE') ev.reason = reason;
    if (type === 'RESOLVE') ev.evidence = [`photo://${f.id}/rectified.jpg`];
    if (type === 'VERIFY_FAIL') ev.reason = '整改不到位 / not rectified';
    if (type === 'SUBMIT_PLAN') ev.plan = Object.fromEntries((model.policy.majorPlan?.fields ?? []).map((k) => [k, `${f.id} ${k}`]));
    if (type === 'FORWARD') {
      const to = departmentFor(pack, [...(owner?.forwardDepts ?? []), ...(owner?.forwardTiers ?? [])], f.sector);
      if (!to) continue;
      ev.to = to;
    }
    if (!send(ev)) break;
    // Climb: keep escalating until a tier that forwards to departments and escalates no further.
    if (intent === 'climb' && model.tiers.get(c.owner)?.tier.escalatesTo && model.reasonsFor(c.owner, c).length)
      script.splice(step + 1, 0, 'climb');
  }
  deadlines(end);
  const path = tiersPassed(c);
  return { found: f, scenario, snapshot: c, path, overdue: c.audit.some((a) => a.event === 'DEADLINE'), rejected };
}
