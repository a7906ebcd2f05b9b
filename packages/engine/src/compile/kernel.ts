import type { TopLevelCondition } from '@gridsafe/schema';
import { compileWith, type FactReader } from './closure.js';
import { Generator, HELPERS, ITEM_LOCALS } from './codegen.js';
import { atPath, pathSegments } from './operators.js';
import type { NamedConditions } from './types.js';

/** One checklist item's conditions, for {@link generateChecklist}. */
export interface ItemConditions {
  hazard: TopLevelCondition;
  major?: TopLevelCondition;
}

/**
 * Evaluates a whole checklist for one record: record facts by slot in `fv` (see
 * {@link KernelSource.slots}), `ans[i]` and `ph[i]` by item; writes per item 0 (ok or
 * unanswered), 1 (hazard) or 2 (hazard whose major condition holds) into `out` from `o`.
 */
export type ChecklistKernel = (fv: readonly unknown[], ans: readonly unknown[], ph: readonly number[], out: Uint8Array, o: number) => void;

/** Generated source of a checklist kernel: functions of a few items each, and the facts they read. */
export interface KernelSource {
  /** The body of `function (c, h) { ... }` returning the chunk functions, in item order. */
  body: string;
  constants: unknown[];
  /** The record facts the kernel reads, by slot: `fv[i]` holds the value of fact `slots[i]`. */
  slots: string[];
  /** How many chunk functions the items were split into. */
  chunks: number;
}

/**
 * Largest chunk, in characters of source. V8 optimises small functions and leaves large ones on
 * its baseline tier, so a long checklist becomes many small functions rather than one.
 */
const CHUNK_CHARS = 6_000;
/** Most items in one chunk. */
const CHUNK_ITEMS = 32;

/**
 * Generate the kernel of a checklist in chunks of a few items each, every chunk reading the record
 * facts it needs from the slot array once. Same rules as `generate`: only identifiers the generator
 * makes, item indices and constants-table indices enter the code.
 */
export function generateChecklist(items: readonly ItemConditions[], named: NamedConditions): KernelSource {
  const slots: string[] = [];
  const bySlot = new Map<string, number>();
  const slot = (fact: string) => {
    let i = bySlot.get(fact);
    if (i === undefined) {
      i = slots.push(fact) - 1;
      bySlot.set(fact, i);
    }
    return i;
  };
  const g = new Generator(named, { kind: 'slots', param: 'fv', slot });
  g.itemLocals = ITEM_LOCALS;
  const fns: string[] = [];
  let lines: string[] = [];
  let size = 0;
  const flush = () => {
    if (lines.length === 0) return;
    fns.push(`function (fv, ans, ph, out, o) {\n  ${g.prelude.join('\n  ')}\n  let a, p;\n${lines.join('\n')}\n}`);
    g.reset();
    lines = [];
    size = 0;
  };
  items.forEach((item, i) => {
    const hazard = g.expr(item.hazard, []);
    const major = item.major ? g.expr(item.major, []) : 'false';
    const line = `  a = ans[${i}];\n  if (a === null || a === undefined) out[o + ${i}] = 0;\n  else { p = ph[${i}]; out[o + ${i}] = ${hazard} ? (${major} ? 2 : 1) : 0; }`;
    lines.push(line);
    size += line.length;
    if (size >= CHUNK_CHARS || lines.length >= CHUNK_ITEMS) flush();
  });
  flush();
  return { body: `'use strict';\nreturn [\n${fns.join(',\n')}\n];`, constants: g.constants.values, slots, chunks: fns.length };
}

/** Call each chunk in turn: one kernel for the whole checklist. */
function sequence(chunks: readonly ChecklistKernel[]): ChecklistKernel {
  if (chunks.length === 1) return chunks[0] as ChecklistKernel;
  if (chunks.length === 0) return () => {};
  return (fv, ans, ph, out, o) => {
    for (let k = 0; k < chunks.length; k++) (chunks[k] as ChecklistKernel)(fv, ans, ph, out, o);
  };
}

/** Turn generated checklist source into its kernel. Uses `Function`: not for pages that forbid eval. */
export function instantiateChecklist(src: KernelSource): ChecklistKernel {
  const factory = new Function('c', 'h', src.body) as (c: unknown[], h: typeof HELPERS) => ChecklistKernel[];
  return sequence(factory(src.constants, HELPERS));
}

interface ItemEnv {
  fv: readonly unknown[];
  a: unknown;
  p: number;
}

/**
 * The same kernel made of closures, for environments that forbid generated code (a strict
 * Content-Security-Policy): it reads the same slots as the generated kernel of the same items.
 */
export function closureChecklist(items: readonly ItemConditions[], named: NamedConditions, slots: readonly string[]): ChecklistKernel {
  const bySlot = new Map(slots.map((f, i) => [f, i] as const));
  const reader: FactReader<ItemEnv> = (fact, path) => {
    const segs = path ? pathSegments(path) : undefined;
    const at = (get: (e: ItemEnv) => unknown) => (segs ? (e: ItemEnv) => atPath(get(e), segs) : get);
    if (fact === 'answer') return at((e) => e.a);
    if (fact === 'photos') return at((e) => e.p);
    const i = bySlot.get(fact);
    return i === undefined ? () => undefined : at((e) => e.fv[i]);
  };
  const hazard = items.map((it) => compileWith(it.hazard, named, reader));
  const major = items.map((it) => (it.major ? compileWith(it.major, named, reader) : undefined));
  const env: ItemEnv = { fv: [], a: undefined, p: 0 };
  return (fv, ans, ph, out, o) => {
    env.fv = fv;
    for (let i = 0; i < hazard.length; i++) {
      const a = ans[i];
      if (a === null || a === undefined) {
        out[o + i] = 0;
        continue;
      }
      env.a = a;
      env.p = ph[i] as number;
      out[o + i] = (hazard[i] as (e: ItemEnv) => boolean)(env) ? (major[i]?.(env) ? 2 : 1) : 0;
    }
  };
}
