import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, Duration, header, Id, lockable, provenanceFields, Severity, StringEnum, strictObject } from '../common.js';
import { TopLevelConditionSchema } from '../condition.js';

/** What a tier may do with a case. */
export const TIER_ACTIONS = ['resolve', 'escalate', 'forward', 'notifyHQ', 'return', 'verify', 'supervise', 'actByLaw'] as const;
/** A tier action. */
export type TierAction = (typeof TIER_ACTIONS)[number];

/** Fields a major hazard's remediation plan must state. */
export const PLAN_FIELDS = ['target', 'method', 'funds', 'responsible', 'deadline', 'safetyMeasures'] as const;

/** Due time at a tier for one severity. */
export const DueTime = strictObject({ severity: Severity, within: Duration, ...provenanceFields });

/** A tier of the escalation chain and who acts at it. */
export const Tier = strictObject({
  id: Id,
  title: Bilingual,
  level: Type.Optional(Id),
  actor: Bilingual,
  actions: Type.Array(StringEnum(TIER_ACTIONS), { minItems: 1, maxItems: 10, uniqueItems: true }),
  escalatesTo: Type.Optional(Id),
  forwardsTo: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true, description: 'Departments (catalog) or tiers.' })),
  notifies: Type.Optional(Type.Array(Bilingual, { maxItems: 10 })),
  due: Type.Array(DueTime, { maxItems: 4 }),
  onOverdue: StringEnum(['escalate', 'supervise', 'none']),
  ...lockable,
  ...provenanceFields,
});
/** An escalation tier. */
export type Tier = Static<typeof Tier>;

/** A step of the closed loop (e.g. seed 004's seven steps). */
export const LoopStep = strictObject({ id: Id, order: Type.Integer({ minimum: 1, maximum: 20 }), title: Bilingual, ...provenanceFields });

/** When a hazard may skip tiers (e.g. a major situation reported straight to the township). */
export const SkipRule = strictObject({
  id: Id,
  from: Id,
  to: Id,
  severity: Type.Optional(Severity),
  when: Type.Optional(TopLevelConditionSchema),
  ...lockable,
  ...provenanceFields,
});

/** The hazard escalation process: tiers, due times, skips, verification and supervision. */
export const EscalationFile = strictObject(
  {
    ...header('escalation'),
    loop: Type.Optional(Type.Array(LoopStep, { maxItems: 20 })),
    entry: Id,
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
    supervision: strictObject({ by: Id, trigger: StringEnum(['overdue', 'repeatedRework', 'manual']), ...provenanceFields }),
  },
  'The hazard escalation policy.',
);
/** An escalation rule file. */
export type EscalationFile = Static<typeof EscalationFile>;
