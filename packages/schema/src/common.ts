import { type Static, type TSchema, Type } from '@sinclair/typebox';

/** Base URI of every published gridsafe schema. Stable across patch releases. */
export const SCHEMA_BASE = 'https://gridsafe.dev/schema/v1/';

/** Identifier of a pack, file or element: lower-case ASCII, dots, dashes and underscores. */
export const Id = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]{0,79}$',
  description: 'Identifier: lower-case letters, digits, ".", "-" and "_", at most 80 characters.',
});

/** Semantic version of a pack or rule file. */
export const Version = Type.String({
  pattern: '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?$',
  description: 'Semantic version, for example 1.0.0.',
});

/** A text in both of gridsafe's languages. zh is the policy's own language. */
export const Bilingual = Type.Object(
  {
    zh: Type.String({ minLength: 1, maxLength: 4000, description: '中文' }),
    en: Type.String({ minLength: 1, maxLength: 4000, description: 'English' }),
  },
  { additionalProperties: false, description: 'Text in Chinese (zh) and English (en).' },
);
/** A text in zh and en. */
export type Bilingual = Static<typeof Bilingual>;

/** A calendar date, YYYY-MM-DD. */
export const DateString = Type.String({ format: 'date', description: 'Calendar date, YYYY-MM-DD.' });

/**
 * An ISO 8601 duration such as P1M, P1W, P0.5M, PT24H or P3D, bounded: at most 2 digits of years,
 * 3 of months and of weeks, 4 of days, 5 of hours, 6 of minutes and 7 of seconds, each with at
 * most 3 decimals. The longest is under 230 years, so no due date or cadence can overflow a date
 * or make a working-day calendar count for long.
 */
export const Duration = Type.String({
  pattern:
    '^P(?!$)(\\d{1,2}(\\.\\d{1,3})?Y)?(\\d{1,3}(\\.\\d{1,3})?M)?(\\d{1,3}(\\.\\d{1,3})?W)?(\\d{1,4}(\\.\\d{1,3})?D)?(T(?=\\d)(\\d{1,5}(\\.\\d{1,3})?H)?(\\d{1,6}(\\.\\d{1,3})?M)?(\\d{1,7}(\\.\\d{1,3})?S)?)?$',
  maxLength: 60,
  description:
    'ISO 8601 duration, for example P1M (monthly), P1W (weekly), P0.5M (half-monthly), PT24H; at most 2 digits of years, 3 of months or weeks, 4 of days.',
});

/**
 * A string that must be one of `values`, as a plain JSON Schema `enum` (one clear error
 * instead of one per alternative).
 */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** A citation of the policy text a rule comes from. */
export const Citation = Type.Object(
  {
    seed: Type.String({
      pattern: '^\\d{3}$',
      description: 'Seed document number, the first three digits of its file name in rules/seeds (e.g. 002).',
    }),
    clause: Type.String({ minLength: 1, maxLength: 200, description: 'Clause, section or annex, e.g. "四、建设标准".' }),
    issuer: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Issuing body.' })),
    docNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Document number, e.g. 赤政办发〔2017〕70号.' })),
    date: Type.Optional(DateString),
    quote: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'The words of the policy text.' })),
  },
  { additionalProperties: false, description: 'Where in the policy texts a rule comes from.' },
);
/** A citation of a seed document and clause. */
export type Citation = Static<typeof Citation>;

/**
 * Provenance fields every rule element carries: the clause it cites, or a `localDefault`
 * marker with the reason when the policy text does not fix the value.
 */
export const provenanceFields = {
  source: Type.Optional(Type.Array(Citation, { minItems: 1, maxItems: 20 })),
  localDefault: Type.Optional(Type.Literal(true, { description: 'The value is a local default: the policy texts do not fix it.' })),
  reason: Type.Optional(Bilingual),
  note: Type.Optional(Bilingual),
};

/** Whether a parent forbids children from removing or weakening the element. */
export const lockable = {
  locked: Type.Optional(Type.Boolean({ description: 'A child pack may neither remove nor weaken this element.' })),
};

/** The header every rule file carries. */
export function header<K extends string>(kind: K) {
  return {
    $schema: Type.Optional(Type.String({ maxLength: 500 })),
    kind: Type.Literal(kind),
    id: Id,
    version: Version,
    title: Bilingual,
    source: Type.Array(Citation, { minItems: 1, maxItems: 50 }),
    description: Type.Optional(Bilingual),
  };
}

/** An object schema that rejects unknown properties. */
export function strictObject<P extends Record<string, TSchema>>(properties: P, description?: string) {
  return Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });
}

/** Severity of a hazard: general (一般) or major (重大). */
export const Severity = StringEnum(['general', 'major'], { description: 'general = 一般隐患, major = 重大隐患' });
/** general (一般) or major (重大). */
export type Severity = Static<typeof Severity>;
