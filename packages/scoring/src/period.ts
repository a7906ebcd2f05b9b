import { type Issue, makeIssue } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';

/** An assessment period kind. */
export type PeriodKind = 'month' | 'quarter' | 'year';

/** A parsed assessment period: `2026-07`, `2026-Q3` or `2026`, with its first and last day. */
export interface Period {
  /** The period as written: `2026-07`, `2026-Q3`, `2026`. */
  id: string;
  kind: PeriodKind;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  end: string;
  /** The months it covers, `YYYY-MM`, in order. */
  months: string[];
  /** Number of days. */
  days: number;
}

const PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;
const EXPECTED = 'a period: a month YYYY-MM, a quarter YYYY-Qn or a year YYYY';

/**
 * Days in a month (`month` 1–12).
 *
 * @example
 * ```ts
 * import { daysInMonth } from '@gridsafe/scoring';
 * console.log(daysInMonth(2024, 2), daysInMonth(2026, 2)); // 29 28
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function build(id: string, kind: PeriodKind, year: number, firstMonth: number, count: number): Period {
  const months: string[] = [];
  let days = 0;
  for (let i = 0; i < count; i++) {
    months.push(`${pad(year, 4)}-${pad(firstMonth + i)}`);
    days += daysInMonth(year, firstMonth + i);
  }
  const last = firstMonth + count - 1;
  return { id, kind, start: `${months[0]}-01`, end: `${months[count - 1]}-${pad(daysInMonth(year, last))}`, months, days };
}

/**
 * Parse an assessment period: a month (`2026-07`), a quarter (`2026-Q3`) or a year (`2026`). A bad
 * period comes back as a located issue, never a throw.
 *
 * @example
 * ```ts
 * import { parsePeriod } from '@gridsafe/scoring';
 * const q = parsePeriod('2026-Q3');
 * if (q._tag === 'Right') console.log(q.right.start, q.right.end, q.right.months); // 2026-07-01 2026-09-30 [ '2026-07', '2026-08', '2026-09' ]
 * const bad = parsePeriod('2026-13');
 * if (bad._tag === 'Left') console.log(bad.left[0]?.message.en);
 * ```
 */
export function parsePeriod(text: unknown, name = 'period', pointer = ''): E.Either<Issue[], Period> {
  const m = typeof text === 'string' ? PATTERN.exec(text) : null;
  if (!m || !text) {
    const found = typeof text === 'string' ? JSON.stringify(text) : String(text);
    return E.left([
      makeIssue('codec.invalid', { file: name, line: 0, column: 0, pointer }, { expected: EXPECTED }, { expected: EXPECTED, found }),
    ]);
  }
  const year = Number(m[1]);
  const id = text as string;
  if (m[2]) return E.right(build(id, 'month', year, Number(m[2]), 1));
  if (m[3]) return E.right(build(id, 'quarter', year, (Number(m[3]) - 1) * 3 + 1, 3));
  return E.right(build(id, 'year', year, 1, 12));
}

/**
 * {@link parsePeriod}, throwing an `Error` with the issue's message for callers who prefer exceptions.
 *
 * @example
 * ```ts
 * import { parsePeriodOrThrow } from '@gridsafe/scoring';
 * console.log(parsePeriodOrThrow('2026').days); // 365
 * ```
 */
export function parsePeriodOrThrow(text: string): Period {
  const r = parsePeriod(text);
  if (E.isRight(r)) return r.right;
  throw new Error(r.left.map((i) => `${i.file}${i.pointer}: ${i.message.en}`).join('\n'));
}

/**
 * The periods of one kind inside a period, e.g. the three months of a quarter.
 *
 * @example
 * ```ts
 * import { parsePeriodOrThrow, subPeriods } from '@gridsafe/scoring';
 * console.log(subPeriods(parsePeriodOrThrow('2026-Q3')).map((p) => p.id)); // [ '2026-07', '2026-08', '2026-09' ]
 * ```
 */
export function subPeriods(period: Period): Period[] {
  return period.months.map((m) => build(m, 'month', Number(m.slice(0, 4)), Number(m.slice(5, 7)), 1));
}
