import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { Issue } from '../errors/issues.js';
import { makeIssue } from '../errors/render.js';
import { orThrow } from '../errors/throw.js';
import { toPointer } from '../validate/source.js';

/**
 * Decode host input with a codec. On failure, every problem comes back as an issue with the JSON
 * pointer of the fault (line and column are 0: the input is a value, not a text).
 *
 * @example
 * ```ts
 * import { decode, PatrolRecord } from '@gridsafe/schema';
 * const result = decode(PatrolRecord, { id: 'r1' }, 'record');
 * if (result._tag === 'Left') console.log(result.left.map((i) => `${i.pointer} ${i.message.en}`));
 * ```
 */
export function decode<A, O>(codec: t.Type<A, O, unknown>, value: unknown, name = 'input'): E.Either<Issue[], A> {
  const result = codec.decode(value);
  if (E.isRight(result)) return result;
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const err of result.left) {
    // A key under an intersection or union names a member codec, not a place in the data.
    const path: string[] = [];
    let expected = err.message ?? '';
    for (let i = 1; i < err.context.length; i++) {
      const parent = err.context[i - 1]?.type as { _tag?: string; name: string } | undefined;
      if (parent?._tag === 'UnionType') {
        expected ||= parent.name;
        break;
      }
      if (parent?._tag !== 'IntersectionType') path.push(err.context[i]?.key ?? '');
    }
    expected ||= err.context[err.context.length - 1]?.type.name ?? 'a valid value';
    const pointer = toPointer(path);
    const key = `${pointer}|${expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(
      makeIssue('codec.invalid', { file: name, line: 0, column: 0, pointer }, { expected }, { expected, found: describe(err.value) }),
    );
  }
  return E.left(issues);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * Decode, or throw a {@link GridsafeError} listing every issue: for callers who prefer exceptions.
 *
 * @example
 * ```ts
 * import { decodeOrThrow, StationFacts } from '@gridsafe/schema';
 * const facts = decodeOrThrow(StationFacts, { stationId: 's1', date: '2026-03-01', facts: {} });
 * console.log(facts.stationId);
 * ```
 */
export function decodeOrThrow<A, O>(codec: t.Type<A, O, unknown>, value: unknown, name = 'input'): A {
  return orThrow(decode(codec, value, name));
}
