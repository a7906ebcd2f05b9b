import { compileClosure, namedConditions, type ResolvedPack } from '@gridsafe/engine';
import type { Bilingual, EscalationFile, Tier } from '@gridsafe/schema';
import { type Calendar, calendarDays } from '../time/calendar.js';
import { STEP_TITLES, type Step } from './steps.js';

type ReportUp = NonNullable<Tier['reportsUp']>[number];

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
  /** Tiers `SEND_DOWN` (交办) may hand the case to; this tier supervises it from above. */
  sendDownTiers: string[];
  /** `escalatesTo` and every skip target from this tier. */
  escalateTargets: string[];
  /** The reasons (ids) this tier sends a case up for. */
  escalatesOn: string[];
  /** Tiers that can send a case here, to which `RETURN` may send it back. */
  returnTargets: string[];
  steps: Step[];
}

/** The facts of a case the policy's conditions look at. */
export interface CaseTraits {
  kind: string;
  grade?: string | undefined;
  facts?: Record<string, unknown> | undefined;
}

/** A pack's escalation policy compiled for the machine. */
export interface PolicyModel {
  pack: { id: string; version: string };
  policy: EscalationFile;
  tiers: Map<string, TierModel>;
  byKey: Map<string, TierModel>;
  /** The entry tier of the policy (of its first kind). */
  entry: TierModel;
  /** Grade ids, lowest first. */
  grades: string[];
  /** Kind ids with their entry tiers; the first is the default kind. */
  kinds: Map<string, TierModel>;
  calendar: Calendar;
  defaultDue: string;
  /** How often reminders repeat once a case is overdue. */
  remindEvery: string;
  /** When a jointly handled case resolves (the policy's, else `all`). */
  resolveWhen: 'lead' | 'all';
  /** Tiers that may send `SUPERVISE` (supervision.by and tiers with the supervise action). */
  supervisors: string[];
  titles: Record<Step | 'new', Bilingual>;
  /** Whether a skip rule lets a case go from one tier straight to another. */
  skipAllowed(from: string, to: string, c: CaseTraits): boolean;
  /** Whether a case's grade is `min` or higher (an ungraded case never is). */
  atLeast(grade: string | undefined, min: string | undefined): boolean;
  /** The reasons tier `tier` may send case `c` up for: those it lists that apply to the case's kind and grade. */
  reasonsFor(tier: string, c: CaseTraits): string[];
  /** Whether a case of this grade needs a remediation plan. */
  needsPlan(grade: string | undefined): boolean;
  /** Whether a resolved case of this grade must pass verification before it can close. */
  needsVerify(grade: string | undefined): boolean;
  /** The report-up rules of a tier that apply to a case. */
  reportsUpFor(tier: string, c: CaseTraits): ReportUp[];
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

/**
 * The grades of a policy that lists none: 一般 and 重大 (with a plan), as before grades were data.
 *
 * @example
 * ```ts
 * import { DEFAULT_GRADES } from '@gridsafe/escalation';
 * console.log(DEFAULT_GRADES.map((g) => g.id)); // ['general', 'major']
 * ```
 */
export const DEFAULT_GRADES = [
  { id: 'general', title: { zh: '一般', en: 'General' } },
  { id: 'major', title: { zh: '重大', en: 'Major' }, plan: true },
] as const;
/**
 * The kind of case of a policy that lists none: 隐患, entering at the policy's `entry`.
 *
 * @example
 * ```ts
 * import { DEFAULT_KIND } from '@gridsafe/escalation';
 * console.log(DEFAULT_KIND.id); // hazard
 * ```
 */
export const DEFAULT_KIND = { id: 'hazard', title: { zh: '隐患', en: 'Hazard' } } as const;

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
  const gradeList: { id: string; plan?: boolean }[] = policy.grades ?? [...DEFAULT_GRADES];
  const grades = gradeList.map((g) => g.id);
  const rank = new Map(grades.map((g, i) => [g, i]));
  const planGrades = new Set(gradeList.filter((g) => g.plan === true).map((g) => g.id));
  const reasons = new Map((policy.reasons ?? []).map((r) => [r.id, r]));
  const atLeast = (grade: string | undefined, min: string | undefined) =>
    min === undefined || (grade !== undefined && (rank.get(grade) ?? -1) >= (rank.get(min) ?? Number.POSITIVE_INFINITY));
  const ofKind = (kinds: readonly string[] | undefined, kind: string) => kinds === undefined || kinds.includes(kind);
  const needsPlan = (grade: string | undefined) => grade !== undefined && planGrades.has(grade);
  const needsVerify = (grade: string | undefined) =>
    policy.verification.required || (needsPlan(grade) && policy.majorPlan.reviewBeforeClose);
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
    const canSupervise =
      t.onOverdue.action === 'supervise' ||
      supervisors.some((s) => s !== t.id) ||
      policy.tiers.some((u) => u.id !== t.id && u.actions.includes('sendDown') && u.sendsDownTo?.includes(t.id));
    const steps: Step[] = ['assign', 'handle'];
    if (canSupervise) steps.push('supervise');
    if (canFinish && grades.some((g) => needsVerify(g))) steps.push('verify');
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
      sendDownTiers: t.actions.includes('sendDown') ? (t.sendsDownTo ?? []).filter((x) => tierIds.has(x)) : [],
      escalateTargets,
      escalatesOn: t.escalatesOn ?? [],
      returnTargets: [],
      steps,
    });
  }
  for (const m of tiers.values())
    for (const to of [...m.escalateTargets, ...m.forwardTiers, ...m.sendDownTiers]) tiers.get(to)?.returnTargets.push(m.id);
  for (const m of tiers.values()) m.returnTargets = m.canReturn ? [...new Set(m.returnTargets)] : [];
  const loopTitle = (step: string) => policy.loop?.find((l) => lastSegment(l.id) === step)?.title;
  const titles = Object.fromEntries(
    (Object.keys(STEP_TITLES) as (Step | 'new')[]).map((s) => [
      s,
      (s === 'verified' ? undefined : loopTitle(s === 'new' ? 'discover' : s)) ?? STEP_TITLES[s],
    ]),
  ) as PolicyModel['titles'];
  const entry = tiers.get(policy.entry) as TierModel;
  const kinds = new Map(
    (policy.kinds ?? [{ id: DEFAULT_KIND.id, entry: policy.entry }]).map((k) => [k.id, tiers.get(k.entry) ?? entry] as const),
  );
  return {
    pack: { id: pack.id, version: pack.version },
    policy,
    tiers,
    byKey: new Map([...tiers.values()].map((m) => [m.key, m])),
    entry,
    grades,
    kinds,
    calendar,
    defaultDue,
    remindEvery: policy.supervision.remindEvery,
    resolveWhen: policy.jointHandling?.resolveWhen ?? 'all',
    supervisors,
    titles,
    atLeast,
    needsPlan,
    needsVerify,
    reasonsFor(tier, c) {
      const on = tiers.get(tier)?.escalatesOn ?? [];
      return on.filter((id) => {
        const r = reasons.get(id);
        return r !== undefined && ofKind(r.kinds, c.kind) && atLeast(c.grade, r.atLeast);
      });
    },
    reportsUpFor(tier, c) {
      return (tiers.get(tier)?.tier.reportsUp ?? []).filter((r) => ofKind(r.kinds, c.kind) && atLeast(c.grade, r.atLeast));
    },
    skipAllowed(from, to, c) {
      return skips.some(
        (s) =>
          s.from === from &&
          s.to === to &&
          (s.severity === undefined || s.severity === c.grade) &&
          atLeast(c.grade, s.atLeast) &&
          ofKind(s.kinds, c.kind) &&
          (skipWhen.get(s.id)?.(Object.assign(Object.create(null), c.facts ?? {})) ?? true),
      );
    },
  };
}
