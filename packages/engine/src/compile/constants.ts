/**
 * The constants table of generated code. Every value a rule file gives (rule values, fact names,
 * paths, item ids) enters generated code only as an index into this table, never as source text.
 */
export class Constants {
  readonly values: unknown[] = [];
  /** Primitives by value (SameValueZero: `Infinity` and `-Infinity` stay apart); objects by identity. */
  private readonly index = new Map<unknown, number>();
  /** Parsed paths by their text, so that each path is one array. */
  private readonly paths = new Map<string, number>();

  /** `c[i]` for a value, one entry per distinct primitive or object. */
  ref(value: unknown): string {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.push(value) - 1;
      this.index.set(value, i);
    }
    return `c[${i}]`;
  }

  /** `c[i]` for a path's segments, one entry per distinct path text. */
  path(text: string, segments: (string | number)[]): string {
    let i = this.paths.get(text);
    if (i === undefined) {
      i = this.values.push(segments) - 1;
      this.paths.set(text, i);
    }
    return `c[${i}]`;
  }
}

/**
 * A JavaScript expression that rebuilds a constant: JSON for strings, booleans and null, the
 * number itself (`Infinity`, `-Infinity`, `NaN` and `-0` included, which JSON would turn into
 * `null` or `0`), arrays element by element, and objects through `Object.fromEntries`, which
 * defines every key as an own property (a `__proto__` key stays a key and sets no prototype).
 */
export function literal(value: unknown): string {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    if (Number.isNaN(value)) return 'NaN';
    if (value === Number.POSITIVE_INFINITY) return 'Infinity';
    if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
    return String(value);
  }
  if (typeof value === 'string')
    return JSON.stringify(value)
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029');
  if (typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object')
    return `Object.fromEntries([${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `[${literal(k)}, ${literal(v)}]`)
      .join(', ')}])`;
  return 'undefined';
}
