import type { ChecklistFile, ChecklistItem, TopLevelCondition } from '@gridsafe/schema';
import { compileClosure, explain } from '../compile/closure.js';
import { type Explainer, generate, generateExplainers, instantiate, instantiateExplainers } from '../compile/codegen.js';
import { type ChecklistKernel, closureChecklist, generateChecklist, type ItemConditions, instantiateChecklist } from '../compile/kernel.js';
import type { Facts, NamedConditions, Predicate } from '../compile/types.js';
import type { ResolvedPack } from '../resolve/types.js';

/** How conditions are compiled: generated code (fastest), or closures (for pages that forbid eval). */
export type CompileMode = 'codegen' | 'closure';

let evalAllowed: boolean | undefined;
/**
 * Whether this environment lets code be generated at run time (a strict CSP does not).
 *
 * @example
 * ```ts
 * import { canGenerateCode } from '@gridsafe/engine';
 * console.log(canGenerateCode() ? 'generated code' : 'closures');
 * ```
 */
export function canGenerateCode(): boolean {
  if (evalAllowed === undefined) {
    try {
      evalAllowed = new Function('return true')() === true;
    } catch {
      evalAllowed = false;
    }
  }
  return evalAllowed;
}

/** The mode to compile in: the one asked for, else codegen where allowed, else closures. */
export const modeOf = (mode: CompileMode | undefined): CompileMode => mode ?? (canGenerateCode() ? 'codegen' : 'closure');

/**
 * Compile conditions in the chosen mode (default: codegen where allowed, else closures).
 *
 * @example
 * ```ts
 * import { compileAll } from '@gridsafe/engine';
 * const [heavy] = compileAll([{ all: [{ fact: 'storedKg', operator: 'greaterThan', value: 100 }] }], new Map(), 'closure');
 * console.log(heavy?.({ storedKg: 50 })); // false
 * ```
 */
export function compileAll(conds: readonly TopLevelCondition[], named: NamedConditions, mode?: CompileMode): Predicate[] {
  return modeOf(mode) === 'codegen' ? instantiate(generate(conds, named)) : conds.map((c) => compileClosure(c, named));
}

/**
 * The named conditions of a resolved pack.
 *
 * @example
 * ```ts
 * import { namedConditions, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * console.log([...namedConditions(pack).keys()]);
 * ```
 */
export function namedConditions(pack: ResolvedPack): NamedConditions {
  const cache = namedCache.get(pack);
  if (cache) return cache;
  const map = new Map<string, TopLevelCondition>();
  for (const cat of pack.catalogs) for (const c of cat.conditions ?? []) map.set(c.id, c.condition);
  namedCache.set(pack, map);
  return map;
}
const namedCache = new WeakMap<ResolvedPack, NamedConditions>();

/** A checklist with its conditions compiled, in one mode. */
export interface CompiledChecklist {
  checklist: ChecklistFile;
  /** Item positions by id. */
  index: ReadonlyMap<string, number>;
  /** The whole checklist for one record at a time (generated code, or closures under a strict CSP). */
  kernel: ChecklistKernel;
  /** The record facts the kernel reads, by slot. */
  slots: readonly string[];
  /** Per item: explains `hazardWhen`, and `majorWhen` or undefined (compiled on first use). */
  explainers(): { hazard: Explainer[]; major: (Explainer | undefined)[] };
}

/**
 * Explaining functions for checklist item conditions, which read the item's `answer` and `photos`
 * from their arguments: generated, or closures over `explain`.
 */
export function explainersFor(conds: readonly TopLevelCondition[], named: NamedConditions, mode?: CompileMode): Explainer[] {
  if (modeOf(mode) === 'codegen') return instantiateExplainers(generateExplainers(conds, named, { item: true }));
  return conds.map(
    (c) => (f: Facts, answer?: unknown, photos?: number) => explain(c, named, Object.assign(Object.create(null), f, { answer, photos })),
  );
}

/** The hazard and major conditions of every item of a checklist. */
export const itemConditions = (items: readonly ChecklistItem[]): ItemConditions[] =>
  items.map((i) => (i.severity.majorWhen ? { hazard: i.hazardWhen, major: i.severity.majorWhen } : { hazard: i.hazardWhen }));

/** Compile a checklist's kernel, and its explainers on first use. */
export function compileChecklist(checklist: ChecklistFile, named: NamedConditions, mode?: CompileMode): CompiledChecklist {
  const m = modeOf(mode);
  const spec = itemConditions(checklist.items);
  const src = generateChecklist(spec, named);
  const kernel = m === 'codegen' ? instantiateChecklist(src) : closureChecklist(spec, named, src.slots);
  let explainers: { hazard: Explainer[]; major: (Explainer | undefined)[] } | undefined;
  return {
    checklist,
    index: new Map(checklist.items.map((item, i) => [item.id, i])),
    kernel,
    slots: src.slots,
    explainers() {
      if (!explainers) {
        const hazard = explainersFor(
          spec.map((x) => x.hazard),
          named,
          m,
        );
        const withMajor = spec.filter((x) => x.major);
        const majors = explainersFor(
          withMajor.map((x) => x.major as TopLevelCondition),
          named,
          m,
        );
        let k = 0;
        explainers = { hazard, major: spec.map((x) => (x.major ? majors[k++] : undefined)) };
      }
      return explainers;
    },
  };
}

const checklistCache = new WeakMap<ResolvedPack, Map<string, CompiledChecklist>>();

/** The compiled form of a checklist, compiled once per resolved pack and mode. */
export function compiledChecklist(pack: ResolvedPack, checklist: ChecklistFile, mode?: CompileMode): CompiledChecklist {
  let byId = checklistCache.get(pack);
  if (!byId) {
    byId = new Map();
    checklistCache.set(pack, byId);
  }
  const key = `${checklist.id}|${modeOf(mode)}`;
  let hit = byId.get(key);
  if (!hit) {
    hit = compileChecklist(checklist, namedConditions(pack), mode);
    byId.set(key, hit);
  }
  return hit;
}
