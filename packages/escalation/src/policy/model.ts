import { compileClosure, namedConditions, type ResolvedPack } from '@gridsafe/engine';
import type { Bilingual, EscalationFile, Tier } from '@gridsafe/schema';
import { type Calendar, calendarDays } from '../time/calendar.js';
import { STEP_TITLES, type Step } from './steps.js';

/** A tier of the policy with what the machine needs to know about it. */
export interface TierModel {
  id: string;
  /** The tier's state name in the machine (its id's last segment, or the whole id if that clashes). */
  key: string;
  tier: Tier;
  canResolve: boolean;
  canEscalate: boolean;
  canReturn: boolean;
  /** Tiers `FORWARD` may hand the case to (ownership moves). */
  forwardTiers: string[];
  /** Departments `FORWARD` may assign (the tier keeps ownership and tracks the case). */
  forwardDepts: string[];
  /** `escalatesTo` and every skip target from this tier. */
  escalateTargets: string[];
  /** Tiers that can send a case here, to which `RETURN` may send it back. */
  returnTargets: string[];
  steps: Step[];
}

/** A pack's escalation policy compiled for the machine. */
export interface PolicyModel {
  pack: { id: string; version: string };
  policy: EscalationFile;
  tiers: Map<string, TierModel>;
  byKey: Map<string, TierModel>;
  entry: TierModel;
  calendar: Calendar;
  defaultDue: string;
  /** Tiers that may send `SUPERVISE` (supervision.by and tiers with the supervise action). */
  supervisors: string[];
  titles: Record<Step | 'new', Bilingual>;
  /** Whether a skip rule lets a case go from one tier straight to another. */
  skipAllowed(from: string, to: string, severity: string, facts: Record<string, unknown> | undefined): boolean;
  /** Whether a resolved case of this severity must pass verification before it can close. */
  needsVerify(severity: string): boolean;
}

const lastSegment = (id: string) => id.slice(id.lastIndexOf('.') + 1);

function tierKeys(tiers: Tier[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const t of tiers) counts.set(lastSegment(t.id), (counts.get(lastSegment(t.id)) ?? 0) + 1);
  const reserved = new Set(['new', 'closed', 'voided']);
  return new Map(
    tiers.map((t) => {
      const short = lastSegment(t.id);
      return [t.id, counts.get(short) === 1 && !reserved.has(short) ? short : t.id.replaceAll('.', '_')];
    }),
  );
}

/** Compile one escalation policy of a resolved pack. */
export function compilePolicy(
  pack: ResolvedPack,
  policy: EscalationFile,
  calendar: Calendar = calendarDays,
  defaultDue = 'P7D',
): PolicyModel {
  const keys = tierKeys(policy.tiers);
  const tierIds = new Set(policy.tiers.map((t) => t.id));
  const skips = policy.skips ?? [];
  const named = namedConditions(pack);
  const skipWhen = new Map(skips.map((s) => [s.id, s.when ? compileClosure(s.when, named) : undefined]));
  const needsVerify = (severity: string) => policy.verification.required || (severity === 'major' && policy.majorPlan.reviewBeforeClose);
  const supervisors = [
    ...new Set([policy.supervision.by, ...policy.tiers.filter((t) => t.actions.includes('supervise')).map((t) => t.id)]),
  ];
  const tiers = new Map<string, TierModel>();
  for (const t of policy.tiers) {
    const forwards = t.actions.includes('forward') ? (t.forwardsTo ?? []) : [];
    const canResolve = t.actions.includes('resolve') || t.actions.includes('actByLaw');
    const forwardDepts = forwards.filter((f) => !tierIds.has(f));
    const escalateTargets = t.actions.includes('escalate')
      ? [...new Set([...(t.escalatesTo ? [t.escalatesTo] : []), ...skips.filter((s) => s.from === t.id).map((s) => s.to)])]
      : [];
    const canFinish = canResolve || forwardDepts.length > 0;
    const canSupervise = t.onOverdue === 'supervise' || supervisors.some((s) => s !== t.id);
    const steps: Step[] = ['assign', 'handle'];
    if (canSupervise) steps.push('supervise');
    if (canFinish && (needsVerify('general') || needsVerify('major'))) steps.push('verify');
    if (canFinish) steps.push('verified');
    tiers.set(t.id, {
      id: t.id,
      key: keys.get(t.id) as string,
      tier: t,
      canResolve,
      canEscalate: escalateTargets.length > 0,
      canReturn: t.actions.includes('return'),
      forwardTiers: forwards.filter((f) => tierIds.has(f)),
      forwardDepts,
      escalateTargets,
      returnTargets: [],
      steps,
    });
  }
  for (const m of tiers.values()) for (const to of [...m.escalateTargets, ...m.forwardTiers]) tiers.get(to)?.returnTargets.push(m.id);
  for (const m of tiers.values()) m.returnTargets = m.canReturn ? [...new Set(m.returnTargets)] : [];
  const loopTitle = (step: string) => policy.loop?.find((l) => lastSegment(l.id) === step)?.title;
  const titles = Object.fromEntries(
    (Object.keys(STEP_TITLES) as (Step | 'new')[]).map((s) => [
      s,
      (s === 'verified' ? undefined : loopTitle(s === 'new' ? 'discover' : s)) ?? STEP_TITLES[s],
    ]),
  ) as PolicyModel['titles'];
  return {
    pack: { id: pack.id, version: pack.version },
    policy,
    tiers,
    byKey: new Map([...tiers.values()].map((m) => [m.key, m])),
    entry: tiers.get(policy.entry) as TierModel,
    calendar,
    defaultDue,
    supervisors,
    titles,
    needsVerify,
    skipAllowed(from, to, severity, facts) {
      return skips.some(
        (s) =>
          s.from === from &&
          s.to === to &&
          (s.severity === undefined || s.severity === severity) &&
          (skipWhen.get(s.id)?.(Object.assign(Object.create(null), facts ?? {})) ?? true),
      );
    },
  };
}
