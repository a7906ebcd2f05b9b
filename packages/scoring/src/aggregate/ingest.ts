import { type Issue, type Location, makeIssue } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { decodeRecord, quickValid } from '../records/check.js';
import type { AssessmentRecord, ScoreRecord, UnitRecord } from '../records/codec.js';
import type { Accumulator } from './accumulate.js';
import { MAX_ENTRIES_PER_KEY } from './entries.js';
import { DERIVED } from './layout.js';

/** Period data: records (or chunks of records) as an array, an iterable or an async iterable. */
export type PeriodRecords = Iterable<unknown> | AsyncIterable<unknown>;

/** What ingesting knows besides the records: where issues point, the pack's levels, the range deductions. */
export interface IngestContext {
  name: string;
  maxIssues: number;
  /** Input items are `{ line, value }` (a record with the line it starts on). */
  numbered: boolean;
  /** Levels of the pack's hierarchies. */
  levels: ReadonlySet<string>;
  /** The scoring's range deductions: their bounds. */
  ranges: ReadonlyMap<string, { min: number; max: number }>;
}

const isAsync = (x: PeriodRecords): x is AsyncIterable<unknown> =>
  typeof (x as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

/** Where a record's field is: `/<index>/field`, or with numbered input its line and `/field`. */
export function locator(name: string, numbered: boolean): (pos: number, field: string) => Location {
  return numbered
    ? (pos, field) => ({ file: name, line: pos, column: 1, pointer: field ? `/${field}` : '' })
    : (pos, field) => ({ file: name, line: 0, column: 0, pointer: `/${pos}${field ? `/${field}` : ''}` });
}

/**
 * Feed every record into the accumulator, one at a time, keeping none. Records that fail their
 * codec, name a fact the catalogue does not declare, a level the pack does not have, or an
 * assessor's value outside its range come back as located issues. Reading stops at `maxIssues`
 * issues, and as soon as more units are named before their declaration than the accumulator
 * allows: memory stays bounded whatever the input.
 */
export async function ingest(acc: Accumulator, input: PeriodRecords, ctx: IngestContext): Promise<Issue[]> {
  const issues: Issue[] = [];
  const at = locator(ctx.name, ctx.numbered);
  let index = 0;
  const full = () => issues.length >= ctx.maxIssues;
  const push = (...xs: Issue[]) => issues.push(...xs.slice(0, Math.max(0, ctx.maxIssues - issues.length)));
  const one = (item: unknown): void => {
    const i = index++;
    let value = item;
    let pos = i;
    if (ctx.numbered) {
      const n = item as { line?: unknown; value?: unknown } | null;
      pos = typeof n?.line === 'number' ? n.line : i + 1;
      value = n?.value;
    }
    const r = value as Record<string, unknown> | null;
    if (r !== null && typeof r === 'object' && r.type !== 'unit' && r.type !== 'fact' && quickValid(r, acc.dates)) {
      acc.add(r, pos);
      return;
    }
    const d = decodeRecord(value, i, ctx.name);
    if (E.isLeft(d)) {
      const prefix = `/${i}`;
      push(...(ctx.numbered ? d.left.map((x) => ({ ...x, ...at(pos, x.pointer.slice(prefix.length + 1)) })) : d.left));
      return;
    }
    const rec = d.right as ScoreRecord;
    const problem = check(acc, rec, ctx);
    if (problem) {
      push(problem(at(pos, problem.field)));
      return;
    }
    if (rec.type === 'unit') {
      if (!acc.declare(rec as UnitRecord, pos)) {
        const expected = 'the same level and parent as the first declaration of this unit';
        push(makeIssue('codec.invalid', at(pos, ''), { expected }, { expected, found: rec.id }));
      }
      return;
    }
    acc.add(rec as unknown as Record<string, unknown>, pos);
  };
  const stop = (): boolean => {
    if (acc.overflow) {
      push(makeIssue('scoring.undeclaredUnits', at(acc.overflow.pos, 'unit'), { limit: acc.maxPending, unit: acc.overflow.unit }));
      return true;
    }
    if (acc.crowded) {
      const expected = `at most ${MAX_ENTRIES_PER_KEY} records of one fact (or assessment) for one unit and month, corrections included`;
      push(makeIssue('codec.invalid', at(acc.crowded.pos, ''), { expected }, { expected, found: acc.crowded.unit }));
      return true;
    }
    return full();
  };
  const feed = (x: unknown): boolean => {
    if (Array.isArray(x)) {
      for (const y of x) {
        one(y);
        if (stop()) return true;
      }
      return false;
    }
    one(x);
    return stop();
  };
  if (isAsync(input)) {
    for await (const x of input) if (feed(x)) break;
  } else {
    for (const x of input) if (feed(x)) break;
  }
  return issues;
}

type Problem = ((at: Location) => Issue) & { field: string };

const problemAt = (field: string, make: (at: Location) => Issue): Problem => Object.assign(make, { field });

/** What is wrong with a decoded record beyond its codec, if anything. */
function check(acc: Accumulator, rec: ScoreRecord, ctx: IngestContext): Problem | undefined {
  if (rec.type === 'unit') {
    if (ctx.levels.size > 0 && !ctx.levels.has(rec.level)) {
      const suggestion = [...ctx.levels].find((l) => l.endsWith(`.${rec.level.slice(rec.level.lastIndexOf('.') + 1)}`));
      return problemAt('level', (at) =>
        makeIssue('ref.unknown', at, { refKind: 'level', id: rec.level, ...(suggestion ? { suggestion } : {}) }, { found: rec.level }),
      );
    }
    return undefined;
  }
  if (rec.type === 'fact') {
    const type = acc.layout.declared.get(rec.fact);
    if (!type || !acc.layout.index.has(rec.fact) || DERIVED.has(rec.fact) || acc.layout.counts.some((c) => c.id === rec.fact)) {
      const expected = "a number or boolean period fact of the pack's catalogue, not one computed from records";
      return problemAt('fact', (at) => makeIssue('codec.invalid', at, { expected }, { expected, found: JSON.stringify(rec.fact) }));
    }
    const v = rec.value;
    const ok = type === 'boolean' ? typeof v === 'boolean' : type === 'integer' ? Number.isInteger(v) : typeof v === 'number';
    if (!ok) {
      const expected = `a value of type ${type}`;
      return problemAt('value', (at) => makeIssue('codec.invalid', at, { expected }, { expected, found: JSON.stringify(v) }));
    }
    return undefined;
  }
  if (rec.type === 'assessment') {
    const a = rec as AssessmentRecord;
    const range = ctx.ranges.get(a.deduction);
    if (!range)
      return problemAt('deduction', (at) =>
        makeIssue(
          'scoring.assessment',
          at,
          { deduction: a.deduction, unit: a.unit, period: a.date, problem: 'unknownDeduction' },
          { found: a.deduction },
        ),
      );
    if (!(a.value >= range.min - 1e-9 && a.value <= range.max + 1e-9))
      return problemAt('value', (at) =>
        makeIssue(
          'scoring.assessorRange',
          at,
          { deduction: a.deduction, value: a.value, min: range.min, max: range.max },
          { found: String(a.value) },
        ),
      );
  }
  return undefined;
}
