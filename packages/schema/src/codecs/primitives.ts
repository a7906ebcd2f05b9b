import * as t from 'io-ts';
import { FORBIDDEN_KEYS } from '../validate/limits.js';
import { isIsoDate, isIsoDateTime } from './datetime.js';

/** Brand of a calendar date string. */
export interface IsoDateBrand {
  readonly IsoDate: unique symbol;
}
/** Brand of a date-time string with a time zone. */
export interface IsoDateTimeBrand {
  readonly IsoDateTime: unique symbol;
}
/** Brand of a non-empty string of at most 200 characters. */
export interface NonEmptyBrand {
  readonly NonEmpty: unique symbol;
}

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = t.brand(t.string, (s): s is t.Branded<string, IsoDateBrand> => isIsoDate(s), 'IsoDate');
/** An RFC 3339 date-time with seconds and a zone, e.g. `2026-03-01T09:30:00+08:00` (see {@link isIsoDateTime}). */
export const IsoDateTime = t.brand(t.string, (s): s is t.Branded<string, IsoDateTimeBrand> => isIsoDateTime(s), 'IsoDateTime');
/** A non-empty identifier or name. */
export const NonEmpty = t.brand(t.string, (s): s is t.Branded<string, NonEmptyBrand> => s.length > 0 && s.length <= 200, 'NonEmpty');

/** A JSON value of any shape, with no prototype-reaching keys at any depth. */
export const SafeJson = new t.Type<unknown, unknown, unknown>(
  'SafeJson',
  (u): u is unknown => isSafe(u, 0),
  (u, c) =>
    isSafe(u, 0) ? t.success(u) : t.failure(u, c, 'a JSON value without __proto__, constructor or prototype keys, at most 32 levels deep'),
  t.identity,
);

function isSafe(u: unknown, depth: number): boolean {
  if (depth > 32) return false;
  if (u === null || typeof u === 'boolean' || typeof u === 'string') return true;
  if (typeof u === 'number') return Number.isFinite(u);
  if (Array.isArray(u)) return u.every((x) => isSafe(x, depth + 1));
  if (typeof u === 'object') {
    if (Object.getPrototypeOf(u) !== Object.prototype && Object.getPrototypeOf(u) !== null) return false;
    return Object.keys(u).every((k) => !FORBIDDEN_KEYS.includes(k) && isSafe((u as Record<string, unknown>)[k], depth + 1));
  }
  return false;
}

/** A record keyed by strings that never uses a prototype-reaching key. */
export function safeRecord<C extends t.Mixed>(codomain: C, name?: string) {
  const base = t.record(t.string, codomain);
  const safe = new t.Type<t.TypeOf<typeof base>, t.OutputOf<typeof base>, unknown>(
    name ?? `SafeRecord<${codomain.name}>`,
    (u): u is t.TypeOf<typeof base> => base.is(u) && !Object.keys(u).some((k) => FORBIDDEN_KEYS.includes(k)),
    (u, c) => {
      if (u !== null && typeof u === 'object' && Object.keys(u).some((k) => FORBIDDEN_KEYS.includes(k))) {
        return t.failure(u, c, 'an object without __proto__, constructor or prototype keys');
      }
      return base.validate(u, c);
    },
    base.encode,
  );
  // The value codec, kept for readers such as toJsonSchema.
  return Object.assign(safe, { codomain });
}
