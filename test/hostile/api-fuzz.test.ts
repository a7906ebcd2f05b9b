import { createResolver, matches, packSetFromFiles, resolvePack } from '@gridsafe/engine';
import { linearize, locatePointer, mergeChain, validateFile, validateFiles } from '@gridsafe/schema';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

/**
 * F18 for the validator and the resolver: any JSON value (or undefined) for each argument gives
 * the documented error value, never a throw. Runs per function: GRIDSAFE_API_FUZZ_RUNS (10,000 in
 * `npm run test:fuzz`), fewer in the ordinary suite.
 */
const RUNS = Number(process.env.GRIDSAFE_API_FUZZ_RUNS ?? 300);
const arg = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined));
const isMap = (v: unknown) => v instanceof Map;

const cases: [name: string, arity: number, call: (...a: unknown[]) => void][] = [
  ['validateFile', 2, (a, b) => expect(validateFile(a as string, b as string).ok === false || typeof a === 'string').toBe(true)],
  ['validateFiles', 1, (a) => expect(typeof validateFiles(a as never).ok).toBe('boolean')],
  ['packSetFromFiles', 1, (a) => expect(E.isLeft(packSetFromFiles(a as never)) || Array.isArray(a)).toBe(true)],
  ['resolvePack', 3, (a, b, c) => expect(E.isLeft(resolvePack(a as never, b as never, c as never)) || isMap(a)).toBe(true)],
  ['createResolver().at', 3, (a, b, c) => expect(E.isLeft(createResolver(a as never).at(b as never, c as never)) || isMap(a)).toBe(true)],
  ['linearize', 3, (a, b, c) => expect(Array.isArray(linearize(a as never, b as never, c as never))).toBe(true)],
  ['mergeChain', 2, (a, b) => expect(Array.isArray(mergeChain(a as never, b as never).issues)).toBe(true)],
  ['matches', 2, (a, b) => expect(typeof matches(a, b)).toBe('boolean')],
  [
    'locatePointer',
    4,
    (a, b, c, d) => expect(locatePointer(a as never, b as never, c as never, d as never).line).toBeGreaterThanOrEqual(1),
  ],
];

describe('F18: every export of the validator and resolver is total on untrusted input', () => {
  it.each(cases)(`F18: %s returns its error value for any JSON arguments (${RUNS} runs)`, (_name, arity, call) => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: arity, maxLength: arity }), (args) => {
        call(...args);
      }),
      { numRuns: RUNS },
    );
  });

  it('F18: validateFiles on [null] and a non-array gives located issues', () => {
    expect(validateFiles([null] as never).issues[0]?.code).toBe('file.unreadable');
    expect(validateFiles(7 as never).ok).toBe(false);
    expect(E.isLeft(packSetFromFiles([null] as never))).toBe(true);
  });
});
