import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, header, Id, lockable, provenanceFields, StringEnum, strictObject } from '../common.js';
import { TopLevelConditionSchema } from '../condition.js';

/** What a station requirement applies to. */
export const REQUIREMENT_SCOPES = ['station', 'grid', 'gridWorker', 'area'] as const;

/** One requirement of a station standard: met when its condition holds. */
export const StandardRequirement = strictObject({
  id: Id,
  number: Type.Integer({ minimum: 1, maximum: 999 }),
  text: Bilingual,
  scope: StringEnum(REQUIREMENT_SCOPES),
  condition: TopLevelConditionSchema,
  weight: Type.Number({ minimum: 0, maximum: 1000 }),
  gap: Bilingual,
  ...lockable,
  ...provenanceFields,
});
/** A station requirement. */
export type StandardRequirement = Static<typeof StandardRequirement>;

/** A construction standard over a station's facts, such as the 十有. */
export const StandardFile = strictObject(
  {
    ...header('standard'),
    appliesTo: Id,
    passMark: Type.Number({ minimum: 0, maximum: 1, description: 'Share of the total weight needed to pass.' }),
    passMarkSource: Type.Optional(strictObject({ ...provenanceFields })),
    requirements: Type.Array(StandardRequirement, { minItems: 1, maxItems: 500 }),
  },
  'A station construction standard (e.g. 十有).',
);
/** A station standard rule file. */
export type StandardFile = Static<typeof StandardFile>;
