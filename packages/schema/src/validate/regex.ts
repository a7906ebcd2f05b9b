import { RE2JS } from 're2js';
import { LIMITS } from './limits.js';

/** Why a rule regex cannot run: too long, or not a pattern the linear-time engine (RE2) accepts. */
export interface RegexProblem {
  reason: 'tooLong' | 'invalid';
  /** The engine's own words, for an invalid pattern. */
  detail?: string;
}

/**
 * Check that a `matches` pattern runs on re2js, the linear-time engine the evaluators use: at most
 * {@link LIMITS.maxRegexLength} characters, and valid RE2 syntax (no backreferences or lookarounds,
 * `\x{…}` rather than `\u…`). Returns the problem, or undefined when the pattern is fine.
 */
export function checkRegex(pattern: string): RegexProblem | undefined {
  if (pattern.length > LIMITS.maxRegexLength) return { reason: 'tooLong' };
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { reason: 'invalid', detail: message.replace(/^error parsing regexp: /, '').slice(0, 200) };
  }
}
