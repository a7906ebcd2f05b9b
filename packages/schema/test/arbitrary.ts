// Arbitrary rule files generated from the published JSON Schemas. The schemas cannot say that ids
// are unique in a file, that every element cites a source, or that a regex is safe: the generator
// always emits `source` and `reason`, and `repair` renames ids and sets `matches` patterns.
import fc from 'fast-check';
import { repairScoring } from './scoring-repair.js';

type S = Record<string, any>;

const DURATIONS = ['P1M', 'P1W', 'P1D', 'P0.5M', 'PT24H', 'P3D', 'P1Y2M10DT2H30M', 'PT30M'];
const ALWAYS = new Set(['source', 'reason']);

function str(schema: S): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as string[]));
  if (schema.const !== undefined) return fc.constant(schema.const as string);
  if (schema.format === 'date')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (typeof schema.pattern === 'string' && schema.pattern.startsWith('^P(?!$)')) return fc.constantFrom(...DURATIONS);
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 12, 12);
  if (schema.pattern) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? 10_000));
  }
  return fc.string({ minLength: min, maxLength: Math.max(min, max), unit: 'grapheme' });
}

const refs = new Map<string, fc.Arbitrary<unknown>>();

/** An arbitrary value valid against `schema`, resolving `#/$defs/` refs in `root`. */
export function arbitraryOf(schema: S, root: S, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = String(schema.$ref).replace('#/$defs/', '');
    // Deep enough: nested conditions become leaves, nested scoring elements become items.
    const target =
      depth > 4 && name === 'NestedCondition'
        ? root.$defs.LeafCondition
        : depth > 4 && name === 'ScoringElement'
          ? root.$defs.ScoringItem
          : root.$defs[name];
    // Built once per definition and depth: recursion stops at the depth above, so building eagerly ends.
    const key = `${String(root.$id)}#${name}@${depth}`;
    let arb = refs.get(key);
    if (!arb) {
      arb = arbitraryOf(target, root, depth + 1);
      refs.set(key, arb);
    }
    return arb;
  }
  if (schema.if) {
    const then = arbitraryOf({ ...schema.then }, root, depth + 1);
    if (schema.else) return fc.oneof(then, arbitraryOf(schema.else, root, depth + 1));
    return fc.oneof(then, fc.oneof(fc.boolean(), fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null)));
  }
  if (schema.oneOf) return fc.oneof(...(schema.oneOf as S[]).map((b) => arbitraryOf(b, root, depth + 1)));
  if (schema.anyOf) return fc.oneof(...(schema.anyOf as S[]).map((b) => arbitraryOf(b, root, depth + 1)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (schema.type) {
    case 'string':
      return str(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? 3, min + 2);
      const item = arbitraryOf(schema.items ?? {}, root, depth + 1);
      return schema.uniqueItems
        ? fc.uniqueArray(item, { minLength: min, maxLength: max, selector: (v) => JSON.stringify(v) })
        : fc.array(item, { minLength: min, maxLength: max });
    }
    case 'object': {
      if (schema.patternProperties) {
        const [pattern, value] = Object.entries(schema.patternProperties as Record<string, S>)[0] as [string, S];
        const min = schema.minProperties ?? 0;
        return fc.dictionary(
          fc.stringMatching(new RegExp(pattern)).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)),
          arbitraryOf(value, root, depth + 1),
          {
            minKeys: min,
            maxKeys: min + 2,
          },
        );
      }
      const props = (schema.properties ?? {}) as Record<string, S>;
      const required = new Set<string>([...(schema.required ?? []), ...Object.keys(props).filter((k) => ALWAYS.has(k))]);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) if (k !== '$schema') model[k] = arbitraryOf(v, root, depth + 1);
      const requiredKeys = Object.keys(model).filter((k) => required.has(k));
      return fc.record(model, { requiredKeys });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Make a schema-valid hierarchy element meet the checks across its fields that a JSON Schema cannot
 * state (validate/organisation.ts): a cadence has `every` with `count` or `frequency` alone; a sizing
 * rule has the `role` / `of` its measure needs and `min` ≤ `max`; dates exist and a phase does not
 * start after its deadline.
 */
function repairOrganisation(o: Record<string, unknown>): void {
  if (typeof o.activity === 'string' && 'title' in o) {
    if (o.every !== undefined) {
      delete o.frequency;
      o.count ??= 1;
    } else {
      delete o.count;
      o.frequency ??= 'regular';
    }
  }
  if (typeof o.measure === 'string' && 'subject' in o) {
    if (o.measure === 'holders') o.role ??= 'r';
    else delete o.role;
    if (o.measure === 'units') o.of ??= 'l';
    else delete o.of;
    if (!['gridWorkers', 'fullTimeInspectors', 'holders'].includes(o.measure)) delete o.employment;
    if (typeof o.min === 'number' && typeof o.max === 'number' && o.min > o.max) [o.min, o.max] = [o.max, o.min];
  }
  if (Array.isArray(o.tasks)) {
    // Phases and milestones: dates that exist, a start no later than the deadline.
    if (typeof o.from === 'string') o.from = '2017-10';
    if (typeof o.by === 'string') o.by = '2017-12-31';
  }
}

/** Rename every `id` to a unique one and give every `matches` condition a safe pattern. */
export function repair(value: unknown): unknown {
  let n = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string') o.id = `e${n++}`;
      if (o.operator === 'matches') o.value = '^[a-z]+$';
      repairOrganisation(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  if ((value as { kind?: unknown } | null)?.kind === 'scoring') repairScoring(value as Record<string, unknown>);
  return value;
}
