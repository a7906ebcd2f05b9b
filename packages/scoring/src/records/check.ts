import { decode, type Issue, makeIssue } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { RECORD_CODECS, type RecordType, type ScoreRecord } from './codec.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A calendar date `YYYY-MM-DD` that exists. */
export function isDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || !DATE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (d <= (DAYS[m - 1] ?? 0) - (m === 2 ? 1 : 0)) return true;
  return m === 2 && d === 29 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

const seen = new Set<string>();
/** {@link isDate} through a small cache: record streams repeat the same few hundred dates. */
function knownDate(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  if (seen.has(s)) return true;
  if (!isDate(s)) return false;
  if (seen.size < 8192) seen.add(s);
  return true;
}

const id = (s: unknown) => typeof s === 'string' && s.length > 0 && s.length <= 200;
const optBool = (v: unknown) => v === undefined || typeof v === 'boolean';
const optDate = (v: unknown) => v === undefined || knownDate(v);

/**
 * The hot path: true when a common record (patrol, hazard and the simple activity kinds) is
 * certainly valid, without allocating. Anything it cannot vouch for goes through the codec.
 */
export function quickValid(r: Record<string, unknown>, dates: Map<string, number>): boolean {
  if (!id(r.unit)) return false;
  const date = r.date as string;
  if (!dates.has(date) && !knownDate(date)) return false;
  switch (r.type) {
    case 'patrol': {
      const s = r.status;
      return (
        (s === 'done' || s === 'carried' || s === 'missed') &&
        optBool(r.reported) &&
        optDate(r.doneOn) &&
        optDate(r.recordedOn) &&
        (r.task === undefined || id(r.task))
      );
    }
    case 'hazard':
      return (
        (r.tier === 'general' || r.tier === 'major') &&
        (r.state === 'open' || r.state === 'handled' || r.state === 'closed') &&
        (r.id === undefined || id(r.id)) &&
        optDate(r.dueOn) &&
        optDate(r.closedOn) &&
        optBool(r.reportedImmediately) &&
        optBool(r.extended) &&
        optBool(r.returned) &&
        optBool(r.reworked)
      );
    case 'info':
    case 'meeting':
    case 'training':
      return r.id === undefined || id(r.id);
    default:
      return false;
  }
}

/**
 * Decode one record with the codec of its `type`, so every issue points at the field at fault
 * (`/<index>/field`) in the named input.
 *
 * @example
 * ```ts
 * import { decodeRecord } from '@gridsafe/scoring';
 * const r = decodeRecord({ type: 'hazard', unit: 'v1', date: '2026-02-30', tier: 'general', state: 'open' }, 7, 'q3.ndjson');
 * if (r._tag === 'Left') console.log(r.left[0]?.pointer, r.left[0]?.message.en); // /7/date …
 * ```
 */
export function decodeRecord(value: unknown, index: number, name: string): E.Either<Issue[], ScoreRecord> {
  const at = { file: name, line: 0, column: 0, pointer: `/${index}` };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return E.left([makeIssue('codec.invalid', at, { expected: 'a record object' }, { expected: 'a record object', found: typeof value })]);
  }
  const type = (value as { type?: unknown }).type;
  const codec = typeof type === 'string' && Object.hasOwn(RECORD_CODECS, type) ? RECORD_CODECS[type as RecordType] : undefined;
  if (!codec) {
    const expected = `a record type: ${Object.keys(RECORD_CODECS).join(', ')}`;
    return E.left([
      makeIssue(
        'codec.invalid',
        { ...at, pointer: `/${index}/type` },
        { expected },
        { expected, found: JSON.stringify(type) ?? 'nothing' },
      ),
    ]);
  }
  const r = decode(codec as unknown as import('io-ts').Type<ScoreRecord, unknown, unknown>, value, name);
  if (E.isRight(r)) return r;
  return E.left(r.left.map((i) => ({ ...i, pointer: `/${index}${i.pointer}` })));
}
