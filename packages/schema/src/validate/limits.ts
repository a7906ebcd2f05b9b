/**
 * Documented limits on rule files. Hostile input is rejected against these in bounded time,
 * before anything else looks at it.
 */
export const LIMITS = {
  /** Largest rule file, in bytes (UTF-8). */
  maxFileBytes: 1_048_576,
  /** Deepest nesting of objects and arrays. */
  maxDepth: 48,
  /** Longest regular expression a `matches` condition may use. */
  maxRegexLength: 200,
  /** Most files in one validation run. */
  maxFiles: 2000,
} as const;

/** Object keys no rule file may use: they could reach an object's prototype. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
