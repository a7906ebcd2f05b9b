import type * as t from 'io-ts';

/** A JSON Schema (draft 2020-12) object. */
export type JsonSchema = { [key: string]: unknown };

/** JSON Schema of the branded and custom codecs, by codec name. */
const NAMED: Record<string, JsonSchema> = {
  NonEmpty: { type: 'string', minLength: 1, maxLength: 200 },
  IsoDate: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  IsoDateTime: {
    type: 'string',
    format: 'date-time',
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2})$',
  },
  Finite: { type: 'number' },
  Headcount: { type: 'integer', minimum: 0, maximum: 1_000_000 },
  Amount: { type: 'number', minimum: 0 },
  SafeJson: { description: 'any JSON value; no __proto__, constructor or prototype keys, at most 32 levels deep' },
};

const NO_PROTO_KEYS = { propertyNames: { not: { enum: ['__proto__', 'constructor', 'prototype'] } } };

/** The member codecs a combinator holds, read from io-ts's own fields. */
type Node = t.Mixed & {
  _tag?: string;
  props?: t.Props;
  types?: t.Mixed[];
  type?: t.Mixed;
  value?: unknown;
  keys?: Record<string, unknown>;
  domain?: t.Mixed;
  codomain?: t.Mixed;
};

/**
 * The JSON Schema of an io-ts codec, for the combinators gridsafe's host codecs use (`type`,
 * `partial`, `intersection`, `union`, `literal`, `keyof`, `array`, `record`, the primitives, and
 * gridsafe's branded strings and safe records). Objects allow no properties besides the ones they
 * declare only where io-ts would refuse them too (it does not: extra keys pass, as here). A codec it
 * cannot express throws, at build time, naming it: the published schemas are generated with it.
 *
 * @example
 * ```ts
 * import { HazardReport, toJsonSchema } from '@gridsafe/schema';
 * const schema = toJsonSchema(HazardReport);
 * console.log(JSON.stringify(schema).includes('"reportedAt"')); // true
 * ```
 */
export function toJsonSchema(codec: t.Mixed): JsonSchema {
  const c = codec as Node;
  if (NAMED[c.name]) return { ...NAMED[c.name] };
  if (c._tag === undefined && c.codomain) return { type: 'object', ...NO_PROTO_KEYS, additionalProperties: toJsonSchema(c.codomain) };
  switch (c._tag) {
    case 'StringType':
      return { type: 'string' };
    case 'NumberType':
      return { type: 'number' };
    case 'BooleanType':
      return { type: 'boolean' };
    case 'NullType':
      return { type: 'null' };
    case 'UnknownType':
      return {};
    case 'LiteralType':
      return { const: c.value };
    case 'KeyofType':
      return { enum: Object.keys(c.keys ?? {}) };
    case 'ArrayType':
      return { type: 'array', items: toJsonSchema(c.type as t.Mixed) };
    case 'DictionaryType':
      return { type: 'object', additionalProperties: toJsonSchema(c.codomain as t.Mixed) };
    case 'InterfaceType':
    case 'PartialType': {
      const props = c.props ?? {};
      const properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, toJsonSchema(v as t.Mixed)]));
      return { type: 'object', properties, ...(c._tag === 'InterfaceType' ? { required: Object.keys(props) } : {}) };
    }
    case 'IntersectionType':
      return mergeObjects((c.types ?? []).map(toJsonSchema));
    case 'UnionType':
      return { anyOf: (c.types ?? []).map(toJsonSchema) };
    case 'RefinementType':
      return toJsonSchema(c.type as t.Mixed);
    default:
      throw new Error(`toJsonSchema: no JSON Schema for codec ${c.name}`);
  }
}

/** One object schema of an intersection of object schemas (properties and required lists merged). */
function mergeObjects(parts: JsonSchema[]): JsonSchema {
  if (!parts.every((p) => p.type === 'object' && p.properties)) return { allOf: parts };
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const p of parts) {
    Object.assign(properties, p.properties);
    required.push(...((p.required as string[] | undefined) ?? []));
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}
