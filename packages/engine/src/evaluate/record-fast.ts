import { type ChecklistItem, FORBIDDEN_KEYS, isIsoDateTime, type PatrolRecord, SafeJson } from '@gridsafe/schema';
import type { ResolvedPack } from '../resolve/types.js';
import type { CompiledChecklist } from './compiled.js';
import { factCatalog, fits } from './facts.js';
import { answerFits, type PreparedPatrol } from './patrol-steps.js';

/** Reusable arrays for one checklist: a record is laid out in them, evaluated, and its findings copied out. */
export interface Scratch {
  answers: unknown[];
  na: Uint8Array;
  counts: number[];
  fv: unknown[];
  codes: Uint8Array;
}

/** Arrays sized for a checklist. */
export function scratchFor(c: CompiledChecklist): Scratch {
  const n = c.checklist.items.length;
  return {
    answers: new Array<unknown>(n).fill(undefined),
    na: new Uint8Array(n),
    counts: new Array<number>(n).fill(0),
    fv: new Array<unknown>(c.slots.length).fill(undefined),
    codes: new Uint8Array(n),
  };
}

const hasOwn = Object.prototype.hasOwnProperty;
const isObject = (u: unknown): u is Record<string, unknown> => u !== null && typeof u === 'object' && !Array.isArray(u);
const nonEmpty = (u: unknown): u is string => typeof u === 'string' && u.length > 0 && u.length <= 200;
/** A value the SafeJson codec accepts, scalars checked inline. */
const safe = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' ? Number.isFinite(v) : SafeJson.is(v));
/** Absent, or present and passing `ok` (io-ts's optional fields take undefined as absent). */
const optional = (o: Record<string, unknown>, k: string, ok: (v: unknown) => boolean) => {
  const v = hasOwn.call(o, k) ? o[k] : undefined;
  return v === undefined || ok(v);
};

function photosOk(photos: unknown, c: CompiledChecklist, counts: number[]): boolean {
  if (!Array.isArray(photos)) return false;
  for (let k = 0; k < photos.length; k++) {
    const p = photos[k];
    if (!isObject(p) || !nonEmpty(p.uri)) return false;
    const itemId = hasOwn.call(p, 'itemId') ? p.itemId : undefined;
    if (itemId !== undefined) {
      if (!nonEmpty(itemId)) return false;
      const i = c.index.get(itemId);
      if (i !== undefined) counts[i] = (counts[i] as number) + 1;
    }
    if (!optional(p, 'takenAt', (v) => typeof v === 'string' && isIsoDateTime(v)) || !optional(p, 'sha256', (v) => typeof v === 'string'))
      return false;
  }
  return true;
}

function answersOk(answers: unknown, c: CompiledChecklist, out: unknown[]): boolean {
  if (!isObject(answers)) return false;
  const items = c.checklist.items;
  const keys = Object.keys(answers);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const i = c.index.get(key);
    if (i === undefined || FORBIDDEN_KEYS.includes(key)) return false;
    const v = answers[key];
    if (!answerFits(items[i] as ChecklistItem, v)) return false;
    out[i] = v;
  }
  return true;
}

function factsOk(pack: ResolvedPack, facts: unknown, slotOf: ReadonlyMap<string, number>, fv: unknown[]): boolean {
  if (facts === undefined) return true;
  if (!isObject(facts)) return false;
  const catalog = factCatalog(pack);
  const keys = Object.keys(facts);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const decl = catalog.get(key);
    if (!decl || FORBIDDEN_KEYS.includes(key)) return false;
    const v = facts[key];
    if (!safe(v) || !fits(decl.type, v)) return false;
    const s = slotOf.get(key);
    if (s !== undefined) fv[s] = v;
  }
  return true;
}

function notApplicableOk(list: unknown, c: CompiledChecklist, s: Scratch): boolean {
  if (list === undefined) return true;
  if (!Array.isArray(list)) return false;
  for (let k = 0; k < list.length; k++) {
    const id = list[k];
    if (!nonEmpty(id)) return false;
    const i = c.index.get(id);
    if (i === undefined) return false;
    s.na[i] = 1;
    s.answers[i] = null;
  }
  return true;
}

/**
 * Lay out a record that is well-formed, in force, and names only items and facts its checklist
 * and catalogue declare, in `s`; undefined for any other record, which then takes the codec's
 * path and gets its located issues. Accepts only records the `PatrolRecord` codec accepts (a
 * property test holds it to that), reading every optional and keyed value as an own property.
 */
export function fastPrepare(
  pack: ResolvedPack,
  input: unknown,
  checklistOf: (gridType: unknown) => CompiledChecklist | undefined,
  scratchOf: (c: CompiledChecklist) => Scratch,
  slotsOf: (c: CompiledChecklist) => ReadonlyMap<string, number>,
): (PreparedPatrol & { codes: Uint8Array }) | undefined {
  if (!isObject(input)) return undefined;
  const u = input;
  if (!nonEmpty(u.id) || !nonEmpty(u.gridId) || !nonEmpty(u.gridType) || !nonEmpty(u.workerId)) return undefined;
  const at = u.at;
  if (typeof at !== 'string' || !isIsoDateTime(at)) return undefined;
  const day = at.slice(0, 10);
  if (day < pack.effective.from || (pack.effective.to !== undefined && day > pack.effective.to)) return undefined;
  const c = checklistOf(u.gridType);
  if (!c) return undefined;
  const s = scratchOf(c);
  s.answers.fill(undefined);
  s.na.fill(0);
  s.counts.fill(0);
  s.fv.fill(undefined);
  if (
    !answersOk(u.answers, c, s.answers) ||
    !photosOk(u.photos, c, s.counts) ||
    !factsOk(pack, hasOwn.call(u, 'facts') ? u.facts : undefined, slotsOf(c), s.fv) ||
    !notApplicableOk(hasOwn.call(u, 'notApplicable') ? u.notApplicable : undefined, c, s) ||
    !optional(u, 'taskId', nonEmpty) ||
    !optional(u, 'note', (v) => typeof v === 'string')
  )
    return undefined;
  const record = u as unknown as PatrolRecord;
  let facts: Record<string, unknown> | undefined;
  return {
    record,
    compiled: c,
    answers: s.answers,
    na: s.na,
    counts: s.counts,
    fv: s.fv,
    codes: s.codes,
    facts: () => {
      facts ??= Object.assign(Object.create(null), record.facts) as Record<string, unknown>;
      return facts;
    },
  };
}
