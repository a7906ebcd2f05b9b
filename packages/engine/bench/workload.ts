import type { ChecklistFile, FactDecl, NestedCondition, TopLevelCondition } from '@gridsafe/schema';
import { Engine } from 'json-rules-engine';
import { compileClosure } from '../src/compile/closure.js';
import { matches } from '../src/compile/operators.js';
import type { NamedConditions } from '../src/compile/types.js';
import { rng } from './harness.js';

/** A patrol record as a host receives it: parsed JSON, answers by item id. */
export interface HostRecord {
  id: string;
  gridId: string;
  gridType: string;
  workerId: string;
  at: string;
  answers: Record<string, boolean | number | string | null>;
  photos: { uri: string; itemId?: string }[];
  facts?: Record<string, unknown>;
}

/**
 * Share of answers that are hazards. A local assumption: the demo's month gives about 20 hazards
 * a grid, so with weekly patrols of a 13-item checklist about one answer in a hundred is a hazard,
 * and about one record in eight has one.
 */
export const HAZARD_RATE = 0.01;
/** Share of items left unanswered. */
export const UNANSWERED_RATE = 0.03;

/** Facts a checklist's conditions read (besides `answer` and `photos`), through named conditions. */
export function factsUsed(checklist: ChecklistFile, named: NamedConditions): string[] {
  const out = new Set<string>();
  const walk = (c: TopLevelCondition | NestedCondition, seen: string[]): void => {
    if ('all' in c) for (const x of c.all) walk(x, seen);
    else if ('any' in c) for (const x of c.any) walk(x, seen);
    else if ('not' in c) walk(c.not, seen);
    else if ('condition' in c) {
      const t = named.get(c.condition);
      if (t && !seen.includes(c.condition)) walk(t, [...seen, c.condition]);
    } else if (c.fact !== 'answer' && c.fact !== 'photos') out.add(c.fact);
  };
  for (const i of checklist.items) {
    walk(i.hazardWhen, []);
    if (i.severity.majorWhen) walk(i.severity.majorWhen, []);
  }
  return [...out].sort();
}

function sampleValue(decl: FactDecl | undefined, r: () => number): unknown {
  switch (decl?.type) {
    case 'boolean':
      return r() < 0.3;
    case 'integer':
    case 'number':
      return Math.floor(r() * 200);
    case 'string':
      return decl.enum ? decl.enum[Math.floor(r() * decl.enum.length)] : ['a', 'b', 'c'][Math.floor(r() * 3)];
    case 'string[]':
      return (decl.enum ?? ['a', 'b', 'c']).filter(() => r() < 0.5);
    case 'number[]':
      return [1, 2, 3].filter(() => r() < 0.5);
    default:
      return null;
  }
}

/** Per item, the answers that raise a hazard and those that do not, on facts that hold nothing. */
function answerKinds(checklist: ChecklistFile, named: NamedConditions) {
  return checklist.items.map((item) => {
    const candidates: unknown[] =
      item.answer === 'boolean'
        ? [true, false]
        : item.answer === 'number'
          ? [0, 1, 2, 5, 10, 50]
          : item.answer === 'choice'
            ? [...(item.choices ?? ['x'])]
            : ['', 'x'];
    const hazard = compileClosure(item.hazardWhen, named);
    const fires = candidates.filter((a) => hazard(Object.assign(Object.create(null), { answer: a, photos: 1 })));
    const quiet = candidates.filter((a) => !fires.includes(a));
    return { fires, quiet: quiet.length ? quiet : candidates };
  });
}

/** `n` records of a checklist as a host receives them, the same for a given seed. */
export function hostRecords(
  checklist: ChecklistFile,
  catalog: ReadonlyMap<string, FactDecl>,
  named: NamedConditions,
  n: number,
  seed = 42,
  hazardRate = HAZARD_RATE,
): HostRecord[] {
  const r = rng(seed);
  const used = factsUsed(checklist, named);
  const kinds = answerKinds(checklist, named);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  return Array.from({ length: n }, (_, k) => {
    const answers: HostRecord['answers'] = {};
    const photos: HostRecord['photos'] = [];
    checklist.items.forEach((item, i) => {
      if (r() < UNANSWERED_RATE) return;
      const kind = kinds[i] as ReturnType<typeof answerKinds>[number];
      const bad = kind.fires.length > 0 && r() < hazardRate;
      answers[item.id] = pick(bad ? kind.fires : kind.quiet) as boolean;
      if (bad) photos.push({ uri: `photo-${k}-${i}.jpg`, itemId: item.id });
    });
    const facts = Object.fromEntries(used.map((f) => [f, sampleValue(catalog.get(f), r)]));
    return {
      id: `r${k}`,
      gridId: `g${k % 97}`,
      gridType: checklist.gridType,
      workerId: `w${k % 31}`,
      at: `2026-03-${String(1 + (k % 28)).padStart(2, '0')}T09:${String(k % 60).padStart(2, '0')}:00+08:00`,
      answers,
      photos,
      ...(used.length ? { facts } : {}),
    };
  });
}

/** The same records pre-arranged for a kernel: answers and photo counts by item, facts by slot. */
export function arranged(checklist: ChecklistFile, recs: readonly HostRecord[], slots: readonly string[]) {
  return recs.map((rec) => ({
    answers: checklist.items.map((it) => (Object.hasOwn(rec.answers, it.id) ? rec.answers[it.id] : undefined)),
    photos: checklist.items.map((it) => rec.photos.filter((p) => p.itemId === it.id).length),
    fv: slots.map((f) => (rec.facts && Object.hasOwn(rec.facts, f) ? rec.facts[f] : undefined)),
  }));
}

/** Rename the per-item facts so json-rules-engine runs a whole record in one pass. */
function perItem(c: TopLevelCondition | NestedCondition, i: number): TopLevelCondition | NestedCondition {
  if ('all' in c) return { ...c, all: c.all.map((x) => perItem(x, i) as NestedCondition) };
  if ('any' in c) return { ...c, any: c.any.map((x) => perItem(x, i) as NestedCondition) };
  if ('not' in c) return { ...c, not: perItem(c.not, i) as NestedCondition };
  if ('fact' in c && (c.fact === 'answer' || c.fact === 'photos')) return { ...c, fact: `${c.fact}#${i}` };
  return c;
}

/** One json-rules-engine, reused for every record: a rule per item's hazard and per item's major condition. */
export function jreEngine(checklist: ChecklistFile, named: NamedConditions): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('matches', (a: unknown, b: unknown) => matches(a, b));
  for (const [k, v] of named) engine.setCondition(k, v as never);
  checklist.items.forEach((item, i) => {
    engine.addRule({ conditions: perItem(item.hazardWhen, i) as never, event: { type: 'hazard', params: { i } } });
    if (item.severity.majorWhen)
      engine.addRule({ conditions: perItem(item.severity.majorWhen, i) as never, event: { type: 'major', params: { i } } });
  });
  return engine;
}

/**
 * json-rules-engine on a host record, as a host using it would run it: the record's facts, and
 * each item's answer and photo count as facts; per item 0 (ok or unanswered), 1 hazard, 2 major.
 */
export async function jreCodes(engine: Engine, checklist: ChecklistFile, rec: HostRecord): Promise<number[]> {
  const facts: Record<string, unknown> = { ...rec.facts };
  checklist.items.forEach((it, i) => {
    facts[`answer#${i}`] = Object.hasOwn(rec.answers, it.id) ? rec.answers[it.id] : undefined;
    facts[`photos#${i}`] = rec.photos.filter((p) => p.itemId === it.id).length;
  });
  const { events } = await engine.run(facts);
  const codes = checklist.items.map(() => 0);
  const major = new Set<number>();
  for (const e of events) {
    const i = (e.params as { i: number }).i;
    if (e.type === 'hazard') codes[i] = 1;
    else major.add(i);
  }
  return codes.map((c, i) => {
    const a = facts[`answer#${i}`];
    if (a === null || a === undefined) return 0;
    return c === 1 && major.has(i) ? 2 : c;
  });
}
