import { compileAll, factCatalog, type NamedConditions, namedConditions, type Predicate, type ResolvedPack } from '@gridsafe/engine';
import {
  type Deduction,
  deductionSites,
  elementSites,
  type FactDecl,
  type Issue,
  isBlock,
  makeIssue,
  type NestedCondition,
  type ScoringFile,
  scoringIssues,
  scoringPackIssues,
  type TopLevelCondition,
} from '@gridsafe/schema';
import { BUILTIN, DERIVED } from '../aggregate/layout.js';

/** A scoring file made ready to score: checked, its conditions compiled, the facts it reads listed. */
export interface ScoringModel {
  file: ScoringFile;
  named: NamedConditions;
  catalog: Map<string, FactDecl>;
  /** Problems of the file itself (as resolved): when any, nothing is scored. */
  issues: Issue[];
  predicate: (c: TopLevelCondition) => Predicate;
  /** Declared fact uses, by fact id. */
  uses: Map<string, NonNullable<ScoringFile['facts']>[number]>;
  /** Count ids (facts computed from records). */
  counts: Set<string>;
  /** Range deductions by id. */
  ranges: Map<string, Extract<Deduction, { kind: 'range' }>>;
  /** Facts the gates read. */
  gateFacts: string[];
}

/** Every fact a condition reads, named conditions expanded. */
export function conditionFacts(
  cond: TopLevelCondition | NestedCondition,
  named: NamedConditions,
  out: Set<string>,
  seen: string[] = [],
): Set<string> {
  if ('all' in cond) for (const c of cond.all) conditionFacts(c, named, out, seen);
  else if ('any' in cond) for (const c of cond.any) conditionFacts(c, named, out, seen);
  else if ('not' in cond) conditionFacts(cond.not, named, out, seen);
  else if ('condition' in cond) {
    const target = named.get(cond.condition);
    if (target && !seen.includes(cond.condition)) conditionFacts(target, named, out, [...seen, cond.condition]);
  } else {
    out.add(cond.fact);
    const v = cond.value as unknown;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string')
      out.add((v as { fact: string }).fact);
  }
  return out;
}

const cache = new WeakMap<ResolvedPack, WeakMap<ScoringFile, ScoringModel>>();

/** The model of a pack's scoring file, built once per resolved pack and file. */
export function modelOf(pack: ResolvedPack, file: ScoringFile): ScoringModel {
  let byFile = cache.get(pack);
  if (!byFile) {
    byFile = new WeakMap();
    cache.set(pack, byFile);
  }
  const hit = byFile.get(file);
  if (hit) return hit;
  const named = namedConditions(pack);
  const catalog = factCatalog(pack);
  const name = `${pack.id}#${file.id}`;
  const issues = [...scoringIssues(file, name), ...scoringPackIssues(file, { facts: catalog, conditions: new Set(named.keys()) }, name)];
  (file.counts ?? []).forEach((c, i) => {
    if ((BUILTIN as readonly string[]).includes(c.id) || DERIVED.has(c.id))
      issues.push(
        makeIssue(
          'scoring.countFact',
          { file: name, line: 0, column: 0, pointer: `/counts/${i}/id` },
          { count: c.id, problem: 'builtin', factType: '' },
        ),
      );
  });
  const compiled = new Map<TopLevelCondition, Predicate>();
  const predicate = (c: TopLevelCondition): Predicate => {
    let p = compiled.get(c);
    if (!p) {
      p = compileAll([c], named, 'closure')[0] as Predicate;
      compiled.set(c, p);
    }
    return p;
  };
  const ranges = new Map<string, Extract<Deduction, { kind: 'range' }>>();
  for (const { deduction } of deductionSites(file)) if (deduction.kind === 'range') ranges.set(deduction.id, deduction);
  const gateFacts = new Set<string>();
  for (const g of file.gates ?? []) conditionFacts(g.when, named, gateFacts);
  const model: ScoringModel = {
    file,
    named,
    catalog,
    issues,
    predicate,
    uses: new Map((file.facts ?? []).map((u) => [u.id, u])),
    counts: new Set((file.counts ?? []).map((c) => c.id)),
    ranges,
    gateFacts: [...gateFacts],
  };
  byFile.set(file, model);
  return model;
}

/** The facts the elements, vetoes and deductions of a period read (gates aside). */
export function elementFacts(model: ScoringModel, period: string): string[] {
  const out = new Set<string>();
  const { file, named } = model;
  const active = new Set<unknown>();
  for (const s of elementSites(file)) {
    const parentOn = !s.parent || active.has(s.parent);
    if (!parentOn || (s.element.periods && !s.element.periods.includes(period as never))) continue;
    active.add(s.element);
    const e = s.element;
    if (isBlock(e)) {
      if (e.veto) conditionFacts(e.veto.when, named, out);
      continue;
    }
    if (e.numerator) out.add(e.numerator);
    if (e.denominator) out.add(e.denominator);
    for (const d of e.deductions ?? []) {
      if (d.kind === 'perCount') out.add(d.count);
      else if (d.when) conditionFacts(d.when, named, out);
    }
  }
  for (const v of file.vetoes ?? []) conditionFacts(v.when, named, out);
  return [...out];
}
