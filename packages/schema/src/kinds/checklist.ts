import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, header, Id, lockable, provenanceFields, Severity, StringEnum, strictObject } from '../common.js';
import { TopLevelConditionSchema } from '../condition.js';

/** Item kinds: a check (查), an "in place" confirmation (到位), a report to file (报告). */
export const ITEM_KINDS = ['check', '到位', '报告'] as const;
/** Answer types of a checklist item. */
export const ANSWER_TYPES = ['boolean', 'number', 'choice', 'text'] as const;

/** One checklist item. */
export const ChecklistItem = strictObject({
  id: Id,
  number: Type.Integer({ minimum: 1, maximum: 999 }),
  text: Bilingual,
  lookFor: Type.Optional(Bilingual),
  sector: Id,
  itemKind: StringEnum(ITEM_KINDS, { description: 'check = 查; 到位 = in-place confirmation; 报告 = report to file.' }),
  answer: StringEnum(ANSWER_TYPES),
  choices: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 2, maxItems: 50 })),
  hazardWhen: TopLevelConditionSchema,
  severity: strictObject({
    default: Severity,
    majorWhen: Type.Optional(TopLevelConditionSchema),
    ...provenanceFields,
  }),
  evidence: strictObject({
    photo: StringEnum(['required', 'optional', 'none']),
    minPhotos: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
  }),
  directToTownship: Type.Boolean({ description: 'Whether a major finding may be reported straight to the township.' }),
  ...lockable,
  ...provenanceFields,
});
/** A checklist item. */
export type ChecklistItem = Static<typeof ChecklistItem>;

/** One checklist per grid type (community, village, or a sector grid's units). */
export const ChecklistFile = strictObject(
  {
    ...header('checklist'),
    gridType: Id,
    level: Id,
    cadence: Type.Optional(Id),
    items: Type.Array(ChecklistItem, { minItems: 1, maxItems: 1000 }),
  },
  'A grid worker patrol checklist (巡查清单) for one grid type.',
);
/** A checklist rule file. */
export type ChecklistFile = Static<typeof ChecklistFile>;
