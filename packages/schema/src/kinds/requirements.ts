import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, Duration, header, Id, lockable, provenanceFields, StringEnum, strictObject } from '../common.js';
import { TopLevelConditionSchema } from '../condition.js';

/** Families of operational rules. */
export const REQUIREMENT_CATEGORIES = ['五全', '五定', '四清', 'system', 'cadence', 'sizing'] as const;

/** One operational rule over a period's data: satisfied when its condition holds. */
export const OperationalRule = strictObject({
  id: Id,
  title: Bilingual,
  text: Bilingual,
  category: StringEnum(REQUIREMENT_CATEGORIES),
  cadence: Type.Optional(Id),
  condition: TopLevelConditionSchema,
  evidence: Type.Array(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,79}$' }), {
    maxItems: 50,
    description: 'Facts shown as evidence with the result.',
  }),
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
    rules: Type.Array(OperationalRule, { minItems: 1, maxItems: 1000 }),
  },
  'Operational requirements checked over a period of data.',
);
/** A requirements rule file. */
export type RequirementsFile = Static<typeof RequirementsFile>;
