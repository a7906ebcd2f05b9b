import { Type } from '@sinclair/typebox';

/** The operators a condition may use: json-rules-engine's defaults and the bounded `matches`. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'matches',
] as const;
/** A condition operator. */
export type Operator = (typeof OPERATORS)[number];

/** JSON value a condition compares against. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A value taken from another fact instead of a literal (json-rules-engine's fact reference). */
export interface FactReference {
  fact: string;
  path?: string;
  params?: Record<string, JsonValue>;
}

/** A leaf condition: `fact` (at `path`) compared by `operator` with `value`. */
export interface LeafCondition {
  fact: string;
  operator: Operator;
  value: JsonValue | FactReference;
  path?: string;
  params?: Record<string, JsonValue>;
  name?: string;
  priority?: number;
}

interface Named {
  name?: string;
  priority?: number;
}
/** Every nested condition must hold. */
export interface AllCondition extends Named {
  all: NestedCondition[];
}
/** At least one nested condition must hold. */
export interface AnyCondition extends Named {
  any: NestedCondition[];
}
/** The nested condition must not hold. */
export interface NotCondition extends Named {
  not: NestedCondition;
}
/** A reference to a named condition declared in the pack's catalog. */
export interface ConditionReference extends Named {
  condition: string;
}
/** A top-level condition, in json-rules-engine's format. */
export type TopLevelCondition = AllCondition | AnyCondition | NotCondition | ConditionReference;
/** A condition at any depth. */
export type NestedCondition = LeafCondition | TopLevelCondition;

const named = {
  name: { type: 'string', minLength: 1, maxLength: 200 },
  priority: { type: 'integer', minimum: 1 },
};
const params = {
  type: 'object',
  maxProperties: 50,
  propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
};
const factName = {
  type: 'string',
  pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,79}$',
  description: 'A fact declared in the pack catalog.',
};
const path = {
  type: 'string',
  pattern: '^\\$(\\.[A-Za-z_][A-Za-z0-9_]{0,63}|\\[\\d{1,4}\\]){1,16}$',
  description: 'A plain JSONPath into the fact, such as $.kit or $.items[0]. Filters and scripts are not allowed.',
};

/**
 * The JSON Schema `$defs` for conditions. Alternatives are chosen with `if`/`then` on the
 * property that identifies them, so an error is reported against the alternative the author meant.
 */
export const conditionDefs = {
  TopLevelCondition: {
    description: 'A condition: { "all": [...] }, { "any": [...] }, { "not": {...} } or { "condition": "name" }.',
    type: 'object',
    if: { required: ['all'] },
    then: { $ref: '#/$defs/AllCondition' },
    else: {
      if: { required: ['any'] },
      then: { $ref: '#/$defs/AnyCondition' },
      else: {
        if: { required: ['not'] },
        then: { $ref: '#/$defs/NotCondition' },
        else: { $ref: '#/$defs/ConditionReference' },
      },
    },
  },
  NestedCondition: {
    description: 'A nested condition: a fact comparison, or all / any / not / a named condition.',
    type: 'object',
    if: { required: ['fact'] },
    then: { $ref: '#/$defs/LeafCondition' },
    else: { $ref: '#/$defs/TopLevelCondition' },
  },
  AllCondition: {
    type: 'object',
    required: ['all'],
    additionalProperties: false,
    properties: { all: { type: 'array', minItems: 1, maxItems: 200, items: { $ref: '#/$defs/NestedCondition' } }, ...named },
  },
  AnyCondition: {
    type: 'object',
    required: ['any'],
    additionalProperties: false,
    properties: { any: { type: 'array', minItems: 1, maxItems: 200, items: { $ref: '#/$defs/NestedCondition' } }, ...named },
  },
  NotCondition: {
    type: 'object',
    required: ['not'],
    additionalProperties: false,
    properties: { not: { $ref: '#/$defs/NestedCondition' }, ...named },
  },
  ConditionReference: {
    type: 'object',
    required: ['condition'],
    additionalProperties: false,
    properties: {
      condition: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,79}$' },
      ...named,
    },
  },
  LeafCondition: {
    type: 'object',
    required: ['fact', 'operator', 'value'],
    additionalProperties: false,
    properties: {
      fact: factName,
      operator: { type: 'string', enum: [...OPERATORS] },
      value: {
        description: 'A JSON value, or { "fact": name } to compare with another fact.',
        if: { type: 'object', required: ['fact'] },
        then: {
          type: 'object',
          additionalProperties: false,
          required: ['fact'],
          properties: { fact: factName, path, params },
        },
      },
      path,
      params,
      ...named,
    },
  },
} as const;

/** Schema of a top-level condition, typed for TypeBox composition. */
export const TopLevelConditionSchema = Type.Unsafe<TopLevelCondition>({ $ref: '#/$defs/TopLevelCondition' });
