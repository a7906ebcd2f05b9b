import type { Issue } from '../../errors/issues.js';
import { makeIssue } from '../../errors/render.js';
import type { OverlayOp, RuleFile } from '../../kinds/index.js';
import { durationMs } from './duration.js';
import type { Origins, Place } from './origins.js';
import type { Placed, ProvenanceStep, SourceRuleFile } from './types.js';

/** A rule file being merged, with where it came from. */
export interface WorkingFile {
  name: string;
  /** The id of the pack that brought the file in. */
  pack: string;
  /** Where the file's pointers are, for located errors. */
  src: Placed;
  data: RuleFile;
}

/** A JSON object of a rule file. */
export type Obj = Record<string, unknown>;

/** Where an element sits: the array holding it, the element, and the file. */
export interface Slot {
  array: Obj[];
  el: Obj;
  /** Pointer of the array in the file, as first indexed. */
  arrayPointer: string;
  file: WorkingFile;
}

const DEFAULT_COLLECTION: Partial<Record<RuleFile['kind'], string>> = {
  catalog: 'facts',
  checklist: 'items',
  standard: 'requirements',
  requirements: 'rules',
  escalation: 'tiers',
  scoring: 'metrics',
};

/** Overlay `modify` may change only these fields of a locked element. */
export const WORDING_FIELDS: ReadonlySet<string> = new Set(['text', 'title', 'lookFor', 'note', 'description']);
/** Parameters whose larger value is stricter; the rest (durations, max) are stricter when smaller. */
const LARGER_IS_STRICTER = new Set(['count', 'weight', 'points', 'min', 'passMark', 'perMiss', 'cap']);

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Whether changing a locked parameter from `before` to `after` may weaken it. Only a change that
 * is provably as strict or stricter passes: a value that is not a number or a duration, or two
 * values that cannot be compared, count as weakening.
 */
export function weakens(parameter: string, before: unknown, after: unknown): boolean {
  if (typeof before === 'number' && typeof after === 'number') {
    if (!Number.isFinite(before) || !Number.isFinite(after)) return true;
    return LARGER_IS_STRICTER.has(parameter) ? !(after >= before) : !(after <= before);
  }
  if (typeof before === 'string' && typeof after === 'string') {
    const [b, a] = [durationMs(before), durationMs(after)];
    return !(a <= b);
  }
  return before !== after;
}

/** Locked elements anywhere inside `node`, by id. */
function lockedWithin(node: unknown, out = new Map<string, Obj>()): Map<string, Obj> {
  if (Array.isArray(node)) for (const x of node) lockedWithin(x, out);
  else if (isObj(node)) {
    if (node.locked === true && typeof node.id === 'string') out.set(node.id, node);
    for (const v of Object.values(node)) if (v !== null && typeof v === 'object') lockedWithin(v, out);
  }
  return out;
}

/** The first locked element inside `before` that `after` does not keep exactly as it was. */
function lockedLost(before: unknown, after: unknown): Obj | undefined {
  const was = lockedWithin(before);
  if (was.size === 0) return undefined;
  const kept = lockedWithin(after);
  for (const [id, el] of was) {
    const now = kept.get(id);
    if (!now || JSON.stringify(now) !== JSON.stringify(el)) return el;
  }
  return undefined;
}

/**
 * The working state of a resolution: the files merged so far, an index of their elements by id,
 * and (when locations are wanted) where each object was written.
 */
export class Workspace {
  readonly files = new Map<string, WorkingFile>();
  /** Which overlay removed an element or file, for errors that name it later. */
  readonly removedBy = new Map<string, { src: Placed; index: number }>();
  /** Files an overlay changed: only these need their schema checked again. */
  readonly touched = new Set<WorkingFile>();
  private index: Map<string, Slot> | undefined;

  constructor(readonly origins?: Origins) {}

  /** Add a file of a pack in the chain (a copy; the source is never changed). */
  addFile(f: SourceRuleFile, pack: string, src: Placed): WorkingFile {
    const working: WorkingFile = { name: f.name, pack, src, data: structuredClone(f.data) };
    this.files.set(f.data.id, working);
    this.origins?.tagTree(working.data, src, '');
    if (this.index) this.indexNode(working.data, '', working);
    return working;
  }

  private indexNode(node: unknown, pointer: string, file: WorkingFile): void {
    const index = this.index as Map<string, Slot>;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const el = node[i];
        if (!isObj(el)) continue;
        if (typeof el.id === 'string' && !index.has(el.id)) index.set(el.id, { array: node as Obj[], el, arrayPointer: pointer, file });
        this.indexNode(el, `${pointer}/${i}`, file);
      }
    } else if (isObj(node)) {
      for (const [k, v] of Object.entries(node)) if (v !== null && typeof v === 'object') this.indexNode(v, `${pointer}/${esc(k)}`, file);
    }
  }

  /** The element with this id, in any file (items, duties, tiers, deductions, facts…). */
  find(id: string): Slot | undefined {
    if (!this.index) {
      this.index = new Map();
      for (const f of this.files.values()) this.indexNode(f.data, '', f);
    }
    const slot = this.index.get(id);
    if (slot && (!this.files.has(slot.file.data.id) || slot.file.data !== this.files.get(slot.file.data.id)?.data)) return undefined;
    return slot && slot.array.includes(slot.el) ? slot : undefined;
  }

  /** Forget an element (and what it holds) after it was removed. */
  private unindex(node: unknown): void {
    if (Array.isArray(node)) for (const x of node) this.unindex(x);
    else if (isObj(node)) {
      if (typeof node.id === 'string' && this.index?.get(node.id)?.el === node) this.index.delete(node.id);
      for (const v of Object.values(node)) if (v !== null && typeof v === 'object') this.unindex(v);
    }
  }

  private replace(slot: Slot, next: Obj): void {
    this.touched.add(slot.file);
    const i = slot.array.indexOf(slot.el);
    slot.array[i] = next;
    this.unindex(slot.el);
    this.index?.set(next.id as string, { ...slot, el: next });
    if (this.index)
      for (const v of Object.values(next))
        if (v !== null && typeof v === 'object') this.indexNode(v, `${slot.arrayPointer}/${i}`, slot.file);
  }

  /**
   * Apply one overlay operation of `manifest`. Returns the ids it touched with their provenance
   * steps, or a located issue (unknown target, or a locked element removed or weakened).
   */
  apply(
    manifest: SourceRuleFile & { data: { id: string; version: string } },
    src: Placed,
    op: OverlayOp,
    index: number,
  ): { touched: [string, ProvenanceStep][] } | Issue {
    const at = (sub = '') => src.at(`/overlays/${index}${sub}`);
    const place = (sub: string): Place => ({ src, pointer: `/overlays/${index}${sub}` });
    const step = (o: ProvenanceStep['op'], fields?: string[]): ProvenanceStep => ({
      pack: manifest.data.id,
      version: manifest.data.version,
      file: manifest.name,
      op: o,
      overlay: index,
      ...(fields ? { fields } : {}),
      ...(op.source ? { source: op.source } : {}),
      ...(op.localDefault ? { localDefault: true } : {}),
    });
    const lockedIssue = (file: WorkingFile, el: Obj, definedPointer: string | undefined) => {
      const definedAt = this.origins?.locate(el, '') ?? file.src.at(definedPointer ?? '');
      const target = (op as { target?: string }).target ?? String(el.id);
      return makeIssue(
        'pack.lockedElement',
        at(),
        { target, op: op.op, definedIn: definedAt.file, definedLine: definedAt.line },
        { related: definedAt },
      );
    };
    const pointerOf = (slot: Slot) => `${slot.arrayPointer}/${slot.array.indexOf(slot.el)}`;

    if (op.op === 'add') {
      const [fileId, collection] = op.into.split('#') as [string, string | undefined];
      const file = this.files.get(fileId);
      const key = collection ?? (file ? DEFAULT_COLLECTION[file.data.kind] : undefined);
      if (!file || !key) return makeIssue('ref.unknown', at('/into'), { refKind: 'file', id: op.into }, { found: op.into });
      const data = file.data as unknown as Obj;
      if (!Array.isArray(data[key])) {
        data[key] = [];
        this.origins?.tagTree(data[key], src, `/overlays/${index}/into`);
      }
      this.touched.add(file);
      const list = data[key] as unknown[];
      const el = structuredClone(op.element) as Obj;
      list.push(el);
      this.origins?.tagTree(el, src, `/overlays/${index}/element`);
      if (this.index) {
        if (typeof el.id === 'string' && !this.index.has(el.id))
          this.index.set(el.id, { array: list as Obj[], el, arrayPointer: `/${esc(key)}`, file });
        this.indexNode(el, `/${esc(key)}/${list.length - 1}`, file);
      }
      const id = typeof el.id === 'string' ? el.id : undefined;
      return { touched: id ? [[id, step('add')]] : [] };
    }

    const slot = this.find(op.target);
    if (!slot) {
      const file = this.files.get(op.target);
      if (!file) return makeIssue('ref.unknown', at('/target'), { refKind: 'element', id: op.target }, { found: op.target });
      return this.applyToFile(file, op, index, src, step, lockedIssue);
    }
    const el = slot.el;
    if (op.op === 'remove') {
      const lost = el.locked === true ? el : lockedLost(el, undefined);
      if (lost) return lockedIssue(slot.file, lost, lost === el ? pointerOf(slot) : undefined);
      slot.array.splice(slot.array.indexOf(el), 1);
      this.touched.add(slot.file);
      this.unindex(el);
      this.removedBy.set(op.target, { src, index });
      for (const id of lockedWithin(el).keys()) this.removedBy.set(id, { src, index });
      return { touched: [[op.target, step('remove')]] };
    }
    if (op.op === 'modify') {
      const fields = Object.keys(op.set);
      if (el.locked === true && fields.some((f) => !WORDING_FIELDS.has(f))) return lockedIssue(slot.file, el, pointerOf(slot));
      const set = structuredClone(op.set) as Obj;
      for (const f of fields) {
        const lost = lockedLost(el[f], set[f]);
        if (lost) return lockedIssue(slot.file, lost, undefined);
      }
      const next = withProvenance({ ...el, ...set }, op, fields);
      this.track(next, el, set, place, '/set');
      this.replace(slot, next);
      return { touched: [[op.target, step('modify', fields)]] };
    }
    // setParameter: `within` lives in a tier's due times, per severity; the rest are fields of the element.
    let next: Obj;
    if (op.parameter === 'within' && Array.isArray(el.due)) {
      const before = el.due as Obj[];
      const due = before.map((d) => {
        if (!isObj(d) || (op.severity && d.severity !== op.severity)) return d;
        const changed = withProvenance({ ...d, within: op.value }, op, []);
        this.origins?.tagMerge(changed, d, new Map([['within', place('/value')]]));
        return changed;
      });
      if (el.locked === true && due.some((d, i) => weakens('within', before[i]?.within, d.within)))
        return lockedIssue(slot.file, el, pointerOf(slot));
      this.origins?.tagMerge(due, before, new Map());
      next = { ...el, due };
      this.origins?.tagMerge(next, el, new Map());
    } else {
      if (el.locked === true && weakens(op.parameter, el[op.parameter], op.value)) return lockedIssue(slot.file, el, pointerOf(slot));
      next = { ...el, [op.parameter]: op.value };
      this.origins?.tagMerge(next, el, new Map([[op.parameter, place('/value')]]));
    }
    this.replace(slot, next);
    return { touched: [[op.target, step('setParameter', [op.parameter])]] };
  }

  private track(next: Obj, before: Obj, set: Obj, place: (sub: string) => Place, base: string): void {
    if (!this.origins) return;
    const written = new Map<string, Place>();
    for (const [k, v] of Object.entries(set)) {
      written.set(k, place(`${base}/${esc(k)}`));
      this.origins.tagTree(v, place('').src, `${place('').pointer}${base}/${esc(k)}`);
    }
    this.origins.tagMerge(next, before, written);
  }

  private applyToFile(
    file: WorkingFile,
    op: Exclude<OverlayOp, { op: 'add' }>,
    index: number,
    src: Placed,
    step: (o: ProvenanceStep['op'], fields?: string[]) => ProvenanceStep,
    lockedIssue: (file: WorkingFile, el: Obj, pointer: string | undefined) => Issue,
  ): { touched: [string, ProvenanceStep][] } | Issue {
    const place = (sub: string): Place => ({ src, pointer: `/overlays/${index}${sub}` });
    const data = file.data as unknown as Obj;
    if (op.op === 'remove') {
      const lost = lockedLost(data, undefined);
      if (lost) return lockedIssue(file, lost, undefined);
      this.files.delete(op.target);
      this.unindex(data);
      this.removedBy.set(op.target, { src, index });
      const gone = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(gone);
        else if (isObj(node)) {
          if (typeof node.id === 'string') this.removedBy.set(node.id, { src, index });
          for (const v of Object.values(node)) if (v !== null && typeof v === 'object') gone(v);
        }
      };
      gone(data.facts);
      for (const v of Object.values(data)) if (Array.isArray(v)) gone(v);
      return { touched: [[op.target, step('remove')]] };
    }
    let next: Obj;
    let fields: string[];
    if (op.op === 'modify') {
      fields = Object.keys(op.set);
      const set = structuredClone(op.set) as Obj;
      for (const f of fields) {
        const lost = lockedLost(data[f], set[f]);
        if (lost) return lockedIssue(file, lost, undefined);
      }
      next = { ...data, ...set };
      this.track(next, data, set, place, '/set');
    } else {
      fields = [op.parameter];
      next = { ...data, [op.parameter]: op.value };
      this.origins?.tagMerge(next, data, new Map([[op.parameter, place('/value')]]));
    }
    this.unindex(data);
    this.touched.add(file);
    file.data = next as unknown as RuleFile;
    if (this.index) this.indexNode(next, '', file);
    return { touched: [[op.target, step(op.op, fields)]] };
  }
}

/**
 * What an overlay changes carries the overlay's own provenance: its citation, or its local-default
 * mark and reason, in place of the inherited ones (unless `set` writes them itself). Returns `el`.
 */
function withProvenance(el: Obj, op: OverlayOp, written: readonly string[]): Obj {
  if (written.some((f) => f === 'source' || f === 'localDefault' || f === 'reason')) return el;
  if (!('source' in el) && !('localDefault' in el)) return el;
  if (op.source) {
    el.source = structuredClone(op.source);
    delete el.localDefault;
    delete el.reason;
  } else if (op.localDefault) {
    delete el.source;
    el.localDefault = true;
    if (op.reason) el.reason = structuredClone(op.reason);
  }
  return el;
}
