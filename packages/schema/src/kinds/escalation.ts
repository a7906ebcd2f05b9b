import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, Duration, header, Id, lockable, provenanceFields, StringEnum, strictObject } from '../common.js';
import { TopLevelConditionSchema } from '../condition.js';

/** What a tier may do with a case. `sendDown` is 交办: a case received here is sent down to a lower tier and supervised from here. */
export const TIER_ACTIONS = [
  'resolve',
  'escalate',
  'forward',
  'notifyHQ',
  'return',
  'verify',
  'supervise',
  'actByLaw',
  'sendDown',
] as const;
/** A tier action. */
export type TierAction = (typeof TIER_ACTIONS)[number];

/** Fields a remediation plan must state (for a grade with `plan`). */
export const PLAN_FIELDS = ['target', 'method', 'funds', 'responsible', 'deadline', 'safetyMeasures'] as const;

/** What happens when a tier's due time passes: 督办 (supervise), a reminder, or (only if a text says so, or as a marked local default) escalation. */
export const OVERDUE_ACTIONS = ['supervise', 'remind', 'escalate'] as const;

const idRef = (description: string) => Type.Optional(Type.String({ pattern: Id.pattern, description }));

/**
 * A severity grade (一般, 较大, 重大, or a county's own). The policy's `grades` are ordered from
 * the lowest to the highest; `atLeast` in other elements means this grade or a higher one.
 */
export const Grade = strictObject({
  id: Id,
  title: Bilingual,
  plan: Type.Optional(Type.Boolean({ description: 'A case of this grade needs a remediation plan (majorPlan) before it is resolved.' })),
  ...provenanceFields,
});
/** A severity grade. */
export type Grade = Static<typeof Grade>;

/** A kind of case (隐患 hazard, 违法行为 illegal act, 投诉举报 complaint or tip-off) and the tier it enters at. */
export const CaseKind = strictObject({
  id: Id,
  title: Bilingual,
  entry: Id,
  photos: Type.Optional(
    StringEnum(['required', 'optional'], {
      description: 'Whether a report of this kind needs photos (default: required). A complaint may come without.',
    }),
  ),
  ...lockable,
  ...provenanceFields,
});
/** A kind of case. */
export type CaseKind = Static<typeof CaseKind>;

/**
 * A reason a case may go up ("the village cannot remove it at once"). A tier lists the reasons it
 * escalates on (`escalatesOn`); `kinds` and `atLeast` limit the cases a reason applies to.
 */
export const EscalationReason = strictObject({
  id: Id,
  title: Bilingual,
  kinds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true, description: 'Only cases of these kinds.' })),
  atLeast: idRef('Only cases of this grade or higher.'),
  ...lockable,
  ...provenanceFields,
});
/** An escalation reason. */
export type EscalationReason = Static<typeof EscalationReason>;

/** What a tier does when its due time passes, with where that comes from. */
export const Overdue = strictObject({
  action: StringEnum(OVERDUE_ACTIONS, {
    description:
      'supervise = the supervising tier supervises (督办); remind = a reminder to the tier, repeated; escalate = up to escalatesTo, for the reason `because`.',
  }),
  because: idRef('For escalate: the escalation reason recorded, one the tier escalates on (`escalatesOn`).'),
  ...provenanceFields,
});
/** A tier's overdue behaviour. */
export type Overdue = Static<typeof Overdue>;

/** Report up and keep: on a case of these grades (or kinds), the tier notifies a higher body at once and keeps the case. */
export const ReportUp = strictObject({
  id: Id,
  to: Type.Array(Bilingual, { minItems: 1, maxItems: 10, description: 'The bodies notified.' }),
  atLeast: idRef('Cases of this grade or higher.'),
  kinds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true })),
  ...lockable,
  ...provenanceFields,
});
/** A report-up-and-keep rule. */
export type ReportUp = Static<typeof ReportUp>;

/** Due time at a tier for one grade (or, without `severity`, for every grade the tier lists no due time for). */
export const DueTime = strictObject({
  severity: idRef('A grade id of the policy; absent: any other grade, and ungraded cases.'),
  within: Duration,
  ...provenanceFields,
});

/** A tier of the escalation chain and who acts at it. */
export const Tier = strictObject({
  id: Id,
  title: Bilingual,
  level: Type.Optional(Id),
  actor: Bilingual,
  actions: Type.Array(StringEnum(TIER_ACTIONS), { minItems: 1, maxItems: 10, uniqueItems: true }),
  escalatesTo: Type.Optional(Id),
  escalatesOn: Type.Optional(
    Type.Array(Id, {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      description: 'The reasons (policy `reasons`) this tier sends a case up for.',
    }),
  ),
  forwardsTo: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true, description: 'Departments (catalog) or tiers.' })),
  sendsDownTo: Type.Optional(
    Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true, description: '交办: lower tiers a case is sent down to.' }),
  ),
  notifies: Type.Optional(Type.Array(Bilingual, { maxItems: 10 })),
  reportsUp: Type.Optional(Type.Array(ReportUp, { maxItems: 10 })),
  due: Type.Array(DueTime, { maxItems: 10 }),
  onOverdue: Overdue,
  ...lockable,
  ...provenanceFields,
});
/** An escalation tier. */
export type Tier = Static<typeof Tier>;

/** A step of the closed loop (e.g. seed 004's seven steps). */
export const LoopStep = strictObject({ id: Id, order: Type.Integer({ minimum: 1, maximum: 20 }), title: Bilingual, ...provenanceFields });

/** When a case may skip tiers (e.g. a major situation reported straight to the township). */
export const SkipRule = strictObject({
  id: Id,
  from: Id,
  to: Id,
  severity: idRef('Only cases of exactly this grade.'),
  atLeast: idRef('Only cases of this grade or higher.'),
  kinds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true })),
  when: Type.Optional(TopLevelConditionSchema),
  ...lockable,
  ...provenanceFields,
});

/** The case escalation process: grades, kinds, reasons, tiers, due times, skips, verification, supervision and joint handling. */
export const EscalationFile = strictObject(
  {
    ...header('escalation'),
    loop: Type.Optional(Type.Array(LoopStep, { maxItems: 20 })),
    entry: Id,
    grades: Type.Optional(
      Type.Array(Grade, {
        minItems: 1,
        maxItems: 10,
        description: 'Severity grades from the lowest to the highest. Absent: general (一般) and major (重大, with a plan).',
      }),
    ),
    kinds: Type.Optional(
      Type.Array(CaseKind, {
        minItems: 1,
        maxItems: 10,
        description: 'Kinds of case and their entry tiers. Absent: one kind, hazard (隐患), at `entry`.',
      }),
    ),
    reasons: Type.Optional(Type.Array(EscalationReason, { maxItems: 50 })),
    tiers: Type.Array(Tier, { minItems: 1, maxItems: 20 }),
    skips: Type.Optional(Type.Array(SkipRule, { maxItems: 50 })),
    verification: strictObject({
      required: Type.Boolean(),
      by: StringEnum(['sameTier', 'reportingTier', 'upperTier']),
      ...provenanceFields,
    }),
    majorPlan: strictObject({
      required: Type.Boolean(),
      fields: Type.Array(StringEnum(PLAN_FIELDS), { uniqueItems: true }),
      reviewBeforeClose: Type.Boolean(),
      ...provenanceFields,
    }),
    supervision: strictObject({
      by: Id,
      trigger: StringEnum(['overdue', 'repeatedRework', 'manual']),
      remindEvery: Type.String({
        pattern: Duration.pattern,
        description: 'How often reminders repeat once a due time has passed (ISO 8601 duration), so that an open case never goes quiet.',
      }),
      ...provenanceFields,
    }),
    jointHandling: Type.Optional(
      strictObject({
        resolveWhen: StringEnum(['lead', 'all'], {
          description: 'A jointly handled case resolves when its lead department completes (lead) or when every department has (all).',
        }),
        ...provenanceFields,
      }),
    ),
  },
  'The case escalation policy.',
);
/** An escalation rule file. */
export type EscalationFile = Static<typeof EscalationFile>;
