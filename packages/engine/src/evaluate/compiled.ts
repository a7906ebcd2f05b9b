import type { ChecklistFile, TopLevelCondition } from '@gridsafe/schema';
import { compileClosure, explain } from '../compile/closure.js';
import {
  type ChecklistKernel,
  type Explainer,
  generate,
  generateChecklist,
  generateExplainers,
  instantiate,
  instantiateChecklist,
  instantiateExplainers,
} from '../compile/codegen.js';
import type { Facts, NamedConditions, Predicate } from '../compile/types.js';
import type { ResolvedPack } from '../resolve/types.js';

/** How conditions are compiled: generated code (fastest), or closures (for pages that forbid eval). */
export type CompileMode = 'codegen' | 'closure';

let evalAllowed: boolean | undefined;
/** Whether this environment lets code be generated at run time (a strict CSP does not). */
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

/** Compile conditions in the chosen mode (default: codegen where allowed, else closures). */
export function compileAll(conds: readonly TopLevelCondition[], named: NamedConditions, mode?: CompileMode): Predicate[] {
  const m = mode ?? (canGenerateCode() ? 'codegen' : 'closure');
  return m === 'codegen' ? instantiate(generate(conds, named)) : conds.map((c) => compileClosure(c, named));
}

/** The named conditions of a resolved pack. */
export function namedConditions(pack: ResolvedPack): NamedConditions {
  const cache = namedCache.get(pack);
  if (cache) return cache;
  const map = new Map<string, TopLevelCondition>();
  for (const cat of pack.catalogs) for (const c of cat.conditions ?? []) map.set(c.id, c.condition);
  namedCache.set(pack, map);
  return map;
}
const namedCache = new WeakMap<ResolvedPack, NamedConditions>();

/** A checklist with its hazard and severity conditions compiled. */
export interface CompiledChecklist {
  checklist: ChecklistFile;
  hazard: Predicate[];
  /** Per item: the compiled `majorWhen`, or undefined. */
  major: (Predicate | undefined)[];
  /** The whole checklist for one record at a time (generated code, or closures under a strict CSP). */
  kernel: ChecklistKernel;
  /** Per item: explains `hazardWhen`, given the record facts, the answer and the photo count. */
  explainHazard: Explainer[];
  /** Per item: explains `majorWhen`, or undefined. */
  explainMajor: (Explainer | undefined)[];
}

/**
 * Explaining functions for checklist item conditions, which read the item's `answer` and `photos`
 * from their arguments: generated, or closures over `explain`.
 */
export function explainersFor(conds: readonly TopLevelCondition[], named: NamedConditions, mode?: CompileMode): Explainer[] {
  const m = mode ?? (canGenerateCode() ? 'codegen' : 'closure');
  if (m === 'codegen') return instantiateExplainers(generateExplainers(conds, named, { item: true }));
  return conds.map(
    (c) => (f: Facts, answer?: unknown, photos?: number) => explain(c, named, Object.assign(Object.create(null), f, { answer, photos })),
  );
}

/** A checklist kernel made of closures, for environments that forbid generated code. */
export function closureKernel(hazard: Predicate[], major: (Predicate | undefined)[]): ChecklistKernel {
  return (f, answers, photos, out, o) => {
    const facts = f as Record<string, unknown>;
    for (let i = 0; i < hazard.length; i++) {
      const a = answers[i];
      if (a === null || a === undefined) {
        out[o + i] = 0;
        continue;
      }
      facts.answer = a;
      facts.photos = photos[i];
      out[o + i] = (hazard[i] as Predicate)(f) ? (major[i]?.(f) ? 2 : 1) : 0;
    }
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
  const key = `${checklist.id}|${mode ?? 'auto'}`;
  const hit = byId.get(key);
  if (hit) return hit;
  const named = namedConditions(pack);
  const hazard = compileAll(
    checklist.items.map((i) => i.hazardWhen),
    named,
    mode,
  );
  const majors = checklist.items.filter((i) => i.severity.majorWhen);
  const majorPreds = compileAll(
    majors.map((i) => i.severity.majorWhen as TopLevelCondition),
    named,
    mode,
  );
  const major = checklist.items.map((i) => (i.severity.majorWhen ? majorPreds[majors.indexOf(i)] : undefined));
  const useCode = (mode ?? (canGenerateCode() ? 'codegen' : 'closure')) === 'codegen';
  const kernel = useCode
    ? instantiateChecklist(
        generateChecklist(
          checklist.items.map((i) => ({ hazard: i.hazardWhen, ...(i.severity.majorWhen ? { major: i.severity.majorWhen } : {}) })),
          named,
        ),
      )
    : closureKernel(hazard, major);
  const explainHazard = explainersFor(
    checklist.items.map((i) => i.hazardWhen),
    named,
    mode,
  );
  const majorExplainers = explainersFor(
    majors.map((i) => i.severity.majorWhen as TopLevelCondition),
    named,
    mode,
  );
  const explainMajor = checklist.items.map((i) => (i.severity.majorWhen ? majorExplainers[majors.indexOf(i)] : undefined));
  const compiled = { checklist, hazard, major, kernel, explainHazard, explainMajor };
  byId.set(key, compiled);
  return compiled;
}
