import { type Issue, locatePointer, makeIssue, type OverlayOp, type RuleFile } from '@gridsafe/schema';
import { durationMs } from './duration.js';
import type { PackSource, ProvenanceStep } from './types.js';

/** A rule file being merged, with where it came from. */
export interface WorkingFile {
  name: string;
  text?: string;
  pack: string;
  data: RuleFile;
}

/** Where a resolved element sits: its array, its index, its file. */
export interface Slot {
  array: Record<string, unknown>[];
  index: number;
  file: WorkingFile;
  pointer: string;
}

const DEFAULT_COLLECTION: Partial<Record<RuleFile['kind'], string>> = {
  catalog: 'facts',
  checklist: 'items',
  standard: 'requirements',
  requirements: 'rules',
  escalation: 'tiers',
  scoring: 'metrics',
};

/** Parameters whose larger value is stricter; the rest (durations, max) are stricter when smaller. */
const LARGER_IS_STRICTER = new Set(['count', 'weight', 'points', 'min', 'passMark', 'perMiss', 'cap']);

/** Find an element by id anywhere in the working files (items, duties, tiers, deductions…). */
export function findElement(files: Map<string, WorkingFile>, id: string): Slot | undefined {
  for (const file of files.values()) {
    const found = search(file.data as unknown, id, '');
    if (found) return { ...found, file };
  }
  return undefined;
}

function search(node: unknown, id: string, pointer: string): Omit<Slot, 'file'> | undefined {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const el = node[i] as Record<string, unknown> | undefined;
      if (el && typeof el === 'object' && el.id === id)
        return { array: node as Record<string, unknown>[], index: i, pointer: `${pointer}/${i}` };
      const deeper = search(el, id, `${pointer}/${i}`);
      if (deeper) return deeper;
    }
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'object' && v !== null) {
        const deeper = search(v, id, `${pointer}/${k}`);
        if (deeper) return deeper;
      }
    }
  }
  return undefined;
}

function locked(el: Record<string, unknown>): boolean {
  return el.locked === true;
}

function weakens(parameter: string, before: unknown, after: unknown): boolean {
  if (typeof before === 'string' && typeof after === 'string') {
    const [b, a] = [durationMs(before), durationMs(after)];
    return a > b;
  }
  if (typeof before === 'number' && typeof after === 'number') return LARGER_IS_STRICTER.has(parameter) ? after < before : after > before;
  return before !== after;
}

/**
 * Apply one overlay operation to the working files. Returns the ids it touched with their
 * provenance steps, or a located issue (unknown target, or a locked element removed or weakened).
 */
export function applyOverlay(
  files: Map<string, WorkingFile>,
  source: PackSource,
  op: OverlayOp,
  index: number,
): { touched: [string, ProvenanceStep][] } | Issue {
  const m = source.manifest;
  const where = () =>
    m.text ? locatePointer(m.text, m.name, `/overlays/${index}`) : { file: m.name, line: 1, column: 1, pointer: `/overlays/${index}` };
  const step = (o: ProvenanceStep['op'], fields?: string[]): ProvenanceStep => ({
    pack: m.data.id,
    version: m.data.version,
    file: m.name,
    op: o,
    overlay: index,
    ...(fields ? { fields } : {}),
    ...(op.source ? { source: op.source } : {}),
    ...(op.localDefault ? { localDefault: true } : {}),
  });
  const lockedIssue = (slot: Slot, target: string) => {
    const definedAt = slot.file.text
      ? locatePointer(slot.file.text, slot.file.name, slot.pointer)
      : { file: slot.file.name, line: 1, column: 1, pointer: slot.pointer };
    return makeIssue(
      'pack.lockedElement',
      where(),
      { target, op: op.op, definedIn: slot.file.name, definedLine: definedAt.line },
      { related: definedAt },
    );
  };

  if (op.op === 'add') {
    const [fileId, collection] = op.into.split('#') as [string, string | undefined];
    const file = files.get(fileId);
    const key = collection ?? (file ? DEFAULT_COLLECTION[file.data.kind] : undefined);
    if (!file || !key) return makeIssue('ref.unknown', where(), { refKind: 'file', id: op.into }, { found: op.into });
    const data = file.data as unknown as Record<string, unknown>;
    const list = (Array.isArray(data[key]) ? data[key] : []) as unknown[];
    data[key] = [...list, structuredClone(op.element)];
    const id = typeof op.element.id === 'string' ? op.element.id : undefined;
    return { touched: id ? [[id, step('add')]] : [] };
  }

  const slot = findElement(files, op.target);
  if (!slot) {
    if (files.has(op.target) && op.op !== 'remove') {
      const file = files.get(op.target) as WorkingFile;
      const data = file.data as unknown as Record<string, unknown>;
      if (op.op === 'modify') Object.assign(data, structuredClone(op.set));
      else data[op.parameter] = op.value;
      return { touched: [[op.target, step(op.op, op.op === 'modify' ? Object.keys(op.set) : [op.parameter])]] };
    }
    return makeIssue('ref.unknown', where(), { refKind: 'element', id: op.target }, { found: op.target });
  }
  const el = slot.array[slot.index] as Record<string, unknown>;
  if (op.op === 'remove') {
    if (locked(el)) return lockedIssue(slot, op.target);
    slot.array.splice(slot.index, 1);
    return { touched: [[op.target, step('remove')]] };
  }
  if (op.op === 'modify') {
    const fields = Object.keys(op.set);
    if (locked(el) && fields.some((f) => !['text', 'title', 'lookFor', 'note', 'description'].includes(f)))
      return lockedIssue(slot, op.target);
    slot.array[slot.index] = { ...el, ...structuredClone(op.set) };
    return { touched: [[op.target, step('modify', fields)]] };
  }
  // setParameter: `within` lives in a tier's due times, per severity; the rest are fields of the element.
  if (op.parameter === 'within' && Array.isArray(el.due)) {
    const due = (el.due as { severity: string; within: string }[]).map((d) => {
      if (op.severity && d.severity !== op.severity) return d;
      return { ...d, within: String(op.value) };
    });
    if (locked(el) && due.some((d, i) => weakens('within', (el.due as { within: string }[])[i]?.within, d.within)))
      return lockedIssue(slot, op.target);
    slot.array[slot.index] = { ...el, due };
  } else {
    if (locked(el) && weakens(op.parameter, el[op.parameter], op.value)) return lockedIssue(slot, op.target);
    slot.array[slot.index] = { ...el, [op.parameter]: op.value };
  }
  return { touched: [[op.target, step('setParameter', [op.parameter])]] };
}
