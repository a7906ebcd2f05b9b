import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, header, Id, lockable, provenanceFields, StringEnum, strictObject } from '../common.js';
import { TopLevelConditionSchema } from '../condition.js';

/** Assessment periods. */
export const PERIODS = ['month', 'quarter', 'year'] as const;

const factRef = Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,79}$' });

/** A deduction: points off per miss, with an optional cap. */
export const Deduction = strictObject({
  id: Id,
  title: Bilingual,
  per: factRef,
  perMiss: Type.Number({ minimum: 0, maximum: 1000 }),
  cap: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
  ...provenanceFields,
});

/** A metric and the points it earns. */
export const Metric = strictObject({
  id: Id,
  title: Bilingual,
  measure: StringEnum(['ratio', 'count', 'boolean']),
  numerator: factRef,
  denominator: Type.Optional(factRef),
  target: Type.Optional(Type.Number({ minimum: 0, description: 'Threshold for full points (ratio or count).' })),
  targetPer: Type.Optional(
    StringEnum(['period', 'month'], {
      description: 'Whether `target` is for the whole period (default) or for each month of it (a quarter then needs 3 × target).',
    }),
  ),
  targetEach: Type.Optional(
    Type.String({
      pattern: Id.pattern,
      description:
        "For a count: the level whose every unit must reach `target` (default: the first of `units`, the ground level). A unit above that level is measured against the target times the number of such units in its subtree, that is, by its units' average.",
    }),
  ),
  better: Type.Optional(
    StringEnum(['higher', 'lower'], {
      description:
        'Whether a higher value is better (default) or a lower one (an overdue rate). With "lower", `target` is the highest value that still earns full points (default 0).',
    }),
  ),
  points: Type.Number({ minimum: 0, maximum: 1000 }),
  cap: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
  rounding: Type.Optional(
    strictObject({ mode: StringEnum(['halfUp', 'floor', 'ceil', 'truncate']), digits: Type.Integer({ minimum: 0, maximum: 6 }) }),
  ),
  deductions: Type.Optional(Type.Array(Deduction, { maxItems: 20 })),
  periods: Type.Optional(Type.Array(StringEnum(PERIODS), { uniqueItems: true })),
  ...lockable,
  ...provenanceFields,
});
/** A scoring metric. */
export type Metric = Static<typeof Metric>;

/** A veto (一票否决): when it holds, the result is the named grade whatever the points. */
export const Veto = strictObject({ id: Id, title: Bilingual, when: TopLevelConditionSchema, grade: Id, ...lockable, ...provenanceFields });

/** A grade band with its lower bound (share of the maximum). */
export const Grade = strictObject({ id: Id, title: Bilingual, min: Type.Number({ minimum: 0, maximum: 1 }), ...provenanceFields });

/** Assessment scoring: metrics, points, deductions, caps, vetoes, grades and periods. */
export const ScoringFile = strictObject(
  {
    ...header('scoring'),
    periods: Type.Array(StringEnum(PERIODS), { minItems: 1, uniqueItems: true }),
    maxScore: Type.Number({ minimum: 1, maximum: 10000 }),
    units: Type.Array(Id, { minItems: 1, maxItems: 10, description: 'Roll-up order, from the ground up (grid → … → county).' }),
    metrics: Type.Array(Metric, { minItems: 1, maxItems: 500 }),
    vetoes: Type.Optional(Type.Array(Veto, { maxItems: 50 })),
    grades: Type.Array(Grade, { minItems: 1, maxItems: 10 }),
  },
  'Assessment scoring rules.',
);
/** A scoring rule file. */
export type ScoringFile = Static<typeof ScoringFile>;
