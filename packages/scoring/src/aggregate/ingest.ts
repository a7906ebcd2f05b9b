import { type Issue, makeIssue } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { decodeRecord, quickValid } from '../records/check.js';
import type { ScoreRecord, UnitRecord } from '../records/codec.js';
import type { Accumulator } from './accumulate.js';

/** Period data: records (or chunks of records) as an array, an iterable or an async iterable. */
export type PeriodRecords = Iterable<unknown> | AsyncIterable<unknown>;

const isAsync = (x: PeriodRecords): x is AsyncIterable<unknown> =>
  typeof (x as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

/**
 * Feed every record into the accumulator, one at a time, keeping none. Records that fail their
 * codec (or name a fact the catalogue does not declare) come back as located issues, at most
 * `maxIssues` of them.
 */
export async function ingest(acc: Accumulator, input: PeriodRecords, name: string, maxIssues: number): Promise<Issue[]> {
  const issues: Issue[] = [];
  let index = 0;
  const one = (value: unknown): void => {
    const i = index++;
    const r = value as Record<string, unknown> | null;
    if (r !== null && typeof r === 'object' && r.type !== 'unit' && r.type !== 'fact' && quickValid(r, acc.dates)) {
      acc.add(r, i);
      return;
    }
    const d = decodeRecord(value, i, name);
    if (E.isLeft(d)) {
      if (issues.length < maxIssues) issues.push(...d.left.slice(0, maxIssues - issues.length));
      return;
    }
    const rec = d.right as ScoreRecord;
    if (rec.type === 'unit') {
      if (!acc.declare(rec as UnitRecord, i) && issues.length < maxIssues) {
        const expected = 'the same level and parent as the first declaration of this unit';
        issues.push(
          makeIssue('codec.invalid', { file: name, line: 0, column: 0, pointer: `/${i}` }, { expected }, { expected, found: rec.id }),
        );
      }
      return;
    }
    if (rec.type === 'fact') {
      const problem = factProblem(acc, rec.fact, rec.value);
      if (problem) {
        if (issues.length < maxIssues) {
          const at = { file: name, line: 0, column: 0, pointer: `/${i}/${problem.field}` };
          issues.push(
            makeIssue(
              'codec.invalid',
              at,
              { expected: problem.expected },
              { expected: problem.expected, found: JSON.stringify(problem.found) },
            ),
          );
        }
        return;
      }
    }
    acc.add(rec as unknown as Record<string, unknown>, i);
  };
  if (isAsync(input)) {
    for await (const x of input) {
      if (Array.isArray(x)) for (const y of x) one(y);
      else one(x);
    }
  } else {
    for (const x of input) {
      if (Array.isArray(x)) for (const y of x) one(y);
      else one(x);
    }
  }
  return issues;
}

function factProblem(
  acc: Accumulator,
  fact: string,
  value: number | boolean,
): { field: string; expected: string; found: unknown } | undefined {
  const type = acc.layout.declared.get(fact);
  if (!type || !acc.layout.index.has(fact)) {
    return { field: 'fact', expected: "a number or boolean period fact of the pack's catalogue", found: fact };
  }
  const ok = type === 'boolean' ? typeof value === 'boolean' : type === 'integer' ? Number.isInteger(value) : typeof value === 'number';
  return ok ? undefined : { field: 'value', expected: `a value of type ${type}`, found: value };
}
