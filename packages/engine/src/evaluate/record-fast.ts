import { type FactDecl, FORBIDDEN_KEYS, isIsoDateTime, type PatrolRecord, SafeJson } from '@gridsafe/schema';
import type { ResolvedPack } from '../resolve/types.js';
import type { CompiledChecklist } from './compiled.js';
import { factCatalog, fits } from './facts.js';
import type { PreparedPatrol } from './patrol-steps.js';

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
const isString = (v: unknown) => typeof v === 'string';
const isTime = (v: unknown) => typeof v === 'string' && isIsoDateTime(v);

/** Answer types, by item: what `answerFits` checks, decided once per checklist. */
const BOOLEAN = 0;
const NUMBER = 1;
const TEXT = 2;
const CHOICE = 3;

/**
 * One checklist's reusable layout: a record is laid out in its arrays, evaluated, and its result
 * copied out before the next record comes, so nothing here outlives one call.
 */
export class FastLayout implements PreparedPatrol {
  record: PatrolRecord = undefined as unknown as PatrolRecord;
  readonly answers: unknown[];
  readonly na: Uint8Array;
  readonly counts: number[];
  readonly fv: unknown[];
  readonly codes: Uint8Array;
  private readonly kinds: Uint8Array;
  private readonly ids: readonly string[];
  private readonly choices: (readonly string[] | undefined)[];
  /** Whether an item id is a key no record may use (`constructor`): then every answer key is checked. */
  private readonly forbiddenIds: boolean;
  /** Every declared fact: its type, and its slot when the kernel reads it (-1 otherwise). */
  private readonly factInfo: ReadonlyMap<string, { type: FactDecl['type']; slot: number }>;
  private hostFacts: Record<string, unknown> | undefined;

  constructor(
    private readonly pack: ResolvedPack,
    readonly compiled: CompiledChecklist,
  ) {
    const items = compiled.checklist.items;
    const n = items.length;
    this.answers = new Array<unknown>(n).fill(undefined);
    this.na = new Uint8Array(n);
    this.counts = new Array<number>(n).fill(0);
    this.fv = new Array<unknown>(compiled.slots.length).fill(undefined);
    this.codes = new Uint8Array(n);
    this.kinds = Uint8Array.from(items, (i) =>
      i.answer === 'boolean' ? BOOLEAN : i.answer === 'number' ? NUMBER : i.answer === 'choice' && i.choices ? CHOICE : TEXT,
    );
    this.ids = items.map((i) => i.id);
    this.choices = items.map((i) => (i.answer === 'choice' ? i.choices : undefined));
    this.forbiddenIds = items.some((i) => FORBIDDEN_KEYS.includes(i.id));
    const slotOf = new Map(compiled.slots.map((f, i) => [f, i]));
    this.factInfo = new Map([...factCatalog(pack)].map(([id, d]) => [id, { type: d.type, slot: slotOf.get(id) ?? -1 }]));
  }

  /** The host's facts in a prototype-free object, built on first use for this record. */
  facts(): Record<string, unknown> {
    this.hostFacts ??= Object.assign(Object.create(null), this.record.facts) as Record<string, unknown>;
    return this.hostFacts;
  }

  private fits(i: number, v: unknown): boolean {
    if (v === null) return true;
    switch (this.kinds[i]) {
      case BOOLEAN:
        return typeof v === 'boolean';
      case NUMBER:
        return typeof v === 'number';
      case CHOICE:
        return typeof v === 'string' && (this.choices[i] as readonly string[]).includes(v);
      default:
        return typeof v === 'string';
    }
  }

  private answersOk(answers: unknown): boolean {
    if (!isObject(answers)) return false;
    const index = this.compiled.index;
    const ids = this.ids;
    // Answers usually come in checklist order: try the next item's id before the index.
    let next = 0;
    // Own keys only, as the codec reads them (for-in also yields inherited enumerable keys).
    for (const key in answers) {
      if (!hasOwn.call(answers, key)) continue;
      const i = ids[next] === key ? next : index.get(key);
      if (i === undefined || (this.forbiddenIds && FORBIDDEN_KEYS.includes(key))) return false;
      const v = answers[key];
      if (!this.fits(i, v)) return false;
      this.answers[i] = v;
      next = i + 1;
    }
    return true;
  }

  private photosOk(photos: unknown): boolean {
    if (!Array.isArray(photos)) return false;
    for (let k = 0; k < photos.length; k++) {
      const p = photos[k];
      if (!isObject(p) || !nonEmpty(p.uri)) return false;
      const itemId = hasOwn.call(p, 'itemId') ? p.itemId : undefined;
      if (itemId !== undefined) {
        if (!nonEmpty(itemId)) return false;
        const i = this.compiled.index.get(itemId);
        if (i !== undefined) this.counts[i] = (this.counts[i] as number) + 1;
      }
      if (!optional(p, 'takenAt', isTime) || !optional(p, 'sha256', isString)) return false;
    }
    return true;
  }

  private factsOk(facts: unknown): boolean {
    if (facts === undefined) return true;
    if (!isObject(facts)) return false;
    for (const key in facts) {
      if (!hasOwn.call(facts, key)) continue;
      const info = this.factInfo.get(key);
      if (!info || FORBIDDEN_KEYS.includes(key)) return false;
      const v = facts[key];
      if (!safe(v) || !fits(info.type, v)) return false;
      if (info.slot >= 0) this.fv[info.slot] = v;
    }
    return true;
  }

  private notApplicableOk(list: unknown): boolean {
    if (list === undefined) return true;
    if (!Array.isArray(list)) return false;
    for (let k = 0; k < list.length; k++) {
      const id = list[k];
      if (!nonEmpty(id)) return false;
      const i = this.compiled.index.get(id);
      if (i === undefined) return false;
      this.na[i] = 1;
      this.answers[i] = null;
    }
    return true;
  }

  /**
   * Lay out `u`, a record already known to be an object with a well-formed head (see
   * {@link fastHead}); false when any other part is malformed or names an item or fact its
   * checklist and catalogue do not declare.
   */
  layOut(u: Record<string, unknown>): boolean {
    const { answers, na, counts, fv } = this;
    for (let i = 0; i < answers.length; i++) {
      answers[i] = undefined;
      na[i] = 0;
      counts[i] = 0;
    }
    for (let i = 0; i < fv.length; i++) fv[i] = undefined;
    this.hostFacts = undefined;
    this.record = u as unknown as PatrolRecord;
    return (
      this.answersOk(u.answers) &&
      this.photosOk(u.photos) &&
      this.factsOk(hasOwn.call(u, 'facts') ? u.facts : undefined) &&
      this.notApplicableOk(hasOwn.call(u, 'notApplicable') ? u.notApplicable : undefined) &&
      optional(u, 'taskId', nonEmpty) &&
      optional(u, 'note', isString)
    );
  }
}

/**
 * The record as an object whose id, grid, worker and time are well-formed and whose local day is
 * in the pack's effective range; undefined otherwise (the codec's path then says what is wrong).
 */
export function fastHead(pack: ResolvedPack, input: unknown): Record<string, unknown> | undefined {
  if (!isObject(input)) return undefined;
  const u = input;
  if (!nonEmpty(u.id) || !nonEmpty(u.gridId) || !nonEmpty(u.gridType) || !nonEmpty(u.workerId)) return undefined;
  const at = u.at;
  if (typeof at !== 'string' || !isIsoDateTime(at)) return undefined;
  const day = at.slice(0, 10);
  if (day < pack.effective.from || (pack.effective.to !== undefined && day > pack.effective.to)) return undefined;
  return u;
}

/**
 * Lay out a record that is well-formed, in force, and names only items and facts its checklist
 * and catalogue declare; undefined for any other record, which then takes the codec's path and
 * gets its located issues. Accepts only records the `PatrolRecord` codec accepts (a property test
 * holds it to that), reading every optional and keyed value as an own property.
 */
export function fastPrepare(
  pack: ResolvedPack,
  input: unknown,
  layoutOf: (gridType: unknown) => FastLayout | undefined,
): FastLayout | undefined {
  const u = fastHead(pack, input);
  if (!u) return undefined;
  const layout = layoutOf(u.gridType);
  return layout?.layOut(u) ? layout : undefined;
}
