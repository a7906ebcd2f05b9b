import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, Duration, header, Id, lockable, provenanceFields, StringEnum, strictObject } from '../common.js';
import { TopLevelConditionSchema } from '../condition.js';
import { Scope } from './organisation.js';

/**
 * Families of operational rules. `outcome` is not an obligation but a finding about the unit in the
 * period (a serious hazard found, good practice to promote): it produces its consequences and is not
 * counted among the rules satisfied or unsatisfied.
 */
export const REQUIREMENT_CATEGORIES = ['五全', '五定', '四清', 'system', 'cadence', 'sizing', 'outcome'] as const;

/** One operational rule over a period's data: satisfied when its condition holds. */
export const OperationalRule = strictObject({
  id: Id,
  title: Bilingual,
  text: Bilingual,
  category: StringEnum(REQUIREMENT_CATEGORIES),
  cadence: Type.Optional(Id),
  appliesTo: Type.Optional(
    Type.Array(Id, {
      minItems: 1,
      maxItems: 50,
      uniqueItems: true,
      description: 'The levels and unit kinds whose units the rule binds; every unit when left out.',
    }),
  ),
  scope: Type.Optional(Scope),
  condition: TopLevelConditionSchema,
  evidence: Type.Array(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,79}$' }), {
    maxItems: 50,
    description: 'Facts shown as evidence with the result.',
  }),
  onUnsatisfied: Type.Optional(
    Type.Array(Id, {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      description: 'Consequences for a unit that does not satisfy the rule.',
    }),
  ),
  onSatisfied: Type.Optional(
    Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true, description: 'Consequences for a unit that satisfies the rule.' }),
  ),
  ...lockable,
  ...provenanceFields,
});
/** An operational rule. */
export type OperationalRule = Static<typeof OperationalRule>;

/** Operational rules over a period: 五全, 五定/四清, Chanba's three systems, cadences kept. */
export const RequirementsFile = strictObject(
  {
    ...header('requirements'),
    period: Duration,
    periodSource: Type.Optional(
      strictObject({ ...provenanceFields }, 'Where the period comes from (a period the texts do not give is a local default).'),
    ),
    rules: Type.Array(OperationalRule, { minItems: 1, maxItems: 1000 }),
  },
  'Operational requirements checked over a period of data.',
);
/** A requirements rule file. */
export type RequirementsFile = Static<typeof RequirementsFile>;
