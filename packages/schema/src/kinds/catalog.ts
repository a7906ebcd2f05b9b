import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, header, Id, provenanceFields, StringEnum, strictObject } from '../common.js';
import { TopLevelConditionSchema } from '../condition.js';

/** The value types a fact may have. */
export const FACT_TYPES = ['boolean', 'integer', 'number', 'string', 'string[]', 'number[]', 'date', 'object'] as const;
/** A fact's value type. */
export type FactType = (typeof FACT_TYPES)[number];

/** Where a fact's value comes from when a condition is evaluated. */
export const FACT_SCOPES = ['item', 'record', 'station', 'grid', 'gridWorker', 'area', 'period'] as const;

const PropertyType = StringEnum(FACT_TYPES);

/** A fact a condition may use: its type, scope and label. */
export const FactDecl = strictObject({
  id: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,79}$' }),
  type: StringEnum(FACT_TYPES, { description: 'Value type, used to check operators and values.' }),
  scope: StringEnum(FACT_SCOPES, { description: 'Which input supplies the fact.' }),
  title: Bilingual,
  unit: Type.Optional(Bilingual),
  enum: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { minItems: 1, maxItems: 200 })),
  properties: Type.Optional(
    Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }), PropertyType, {
      description: 'For object facts: the type of each property a condition path may name.',
    }),
  ),
  ...provenanceFields,
});
/** A fact declaration. */
export type FactDecl = Static<typeof FactDecl>;

/** A sector (行业领域) a checklist item belongs to. */
export const SectorDecl = strictObject({ id: Id, title: Bilingual, ...provenanceFields });
/** A sector declaration. */
export type SectorDecl = Static<typeof SectorDecl>;

/** A named condition other conditions refer to with `{ "condition": id }`. */
export const NamedCondition = strictObject({
  id: Id,
  title: Bilingual,
  condition: TopLevelConditionSchema,
  ...provenanceFields,
});
/** A named, reusable condition. */
export type NamedCondition = Static<typeof NamedCondition>;

/** A functional department (职能部门) that a case can be forwarded to. */
export const DepartmentDecl = strictObject({ id: Id, title: Bilingual, sectors: Type.Optional(Type.Array(Id)), ...provenanceFields });

/** The fact catalogue: every fact, sector, department and named condition a pack may use. */
export const CatalogFile = strictObject(
  {
    ...header('catalog'),
    facts: Type.Array(FactDecl, { maxItems: 2000 }),
    sectors: Type.Optional(Type.Array(SectorDecl, { maxItems: 500 })),
    departments: Type.Optional(Type.Array(DepartmentDecl, { maxItems: 500 })),
    conditions: Type.Optional(Type.Array(NamedCondition, { maxItems: 2000 })),
  },
  'A fact catalogue: facts with types and labels, sectors, departments and named conditions.',
);
/** A catalog rule file. */
export type CatalogFile = Static<typeof CatalogFile>;
