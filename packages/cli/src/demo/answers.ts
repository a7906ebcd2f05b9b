import { evaluatePatrol, type ResolvedPack } from '@gridsafe/engine';
import type { ChecklistFile, ChecklistItem, NestedCondition, TopLevelCondition } from '@gridsafe/schema';

/** For each item of a checklist: an answer that is fine, and one that is a hazard (if any). */
export interface AnswerKey {
  ok: Map<string, unknown>;
  hazard: Map<string, unknown>;
  /** Record facts the checklist's conditions read, with ordinary values. */
  facts: Record<string, unknown>;
  /** Per item: facts that, set, may make its hazard major. */
  majorFacts: Map<string, Record<string, unknown>>;
}

type Cond = TopLevelCondition | NestedCondition;

function factsOf(c: Cond, named: Map<string, Cond>, out: Map<string, unknown>, seen: string[] = []): void {
  if ('all' in c || 'any' in c)
    for (const k of 'all' in c ? (c as { all: Cond[] }).all : (c as { any: Cond[] }).any) factsOf(k, named, out, seen);
  else if ('not' in c) factsOf(c.not, named, out, seen);
  else if ('condition' in c) {
    const t = named.get(c.condition);
    if (t && !seen.includes(c.condition)) factsOf(t, named, out, [...seen, c.condition]);
  } else if (c.fact !== 'answer' && c.fact !== 'photos') {
    // The value that makes the leaf hold, when it is easy to tell.
    const v =
      c.operator === 'equal'
        ? c.value
        : c.operator === 'greaterThan' && typeof c.value === 'number'
          ? c.value + 1
          : c.operator === 'greaterThanInclusive'
            ? c.value
            : c.operator === 'contains'
              ? [c.value]
              : undefined;
    if (!out.has(c.fact)) out.set(c.fact, v);
  }
}

const plain = (type: string | undefined): unknown =>
  type === 'boolean'
    ? false
    : type === 'integer' || type === 'number'
      ? 0
      : type === 'string[]' || type === 'number[]'
        ? []
        : type === 'object'
          ? {}
          : type === 'date'
            ? '2026-01-01'
            : '';

function candidates(item: ChecklistItem): unknown[] {
  if (item.answer === 'boolean') return [false, true];
  if (item.answer === 'number') return [0, 1, 10, 100, 1000];
  if (item.answer === 'choice') return item.choices ?? [];
  return ['', '有'];
}

/** Work out the answer key of a checklist by evaluating each item with each candidate answer. */
export function answerKey(pack: ResolvedPack, checklist: ChecklistFile): AnswerKey {
  const named = new Map<string, Cond>(pack.catalogs.flatMap((c) => (c.conditions ?? []).map((n) => [n.id, n.condition] as const)));
  const types = new Map(pack.catalogs.flatMap((c) => c.facts.map((f) => [f.id, f.type] as const)));
  const all = new Map<string, unknown>();
  const majorFacts = new Map<string, Record<string, unknown>>();
  for (const it of checklist.items) {
    factsOf(it.hazardWhen, named, all);
    if (it.severity.majorWhen) {
      const m = new Map<string, unknown>();
      factsOf(it.severity.majorWhen, named, m);
      majorFacts.set(it.id, Object.fromEntries([...m].filter(([, v]) => v !== undefined)));
      for (const [k] of m) if (!all.has(k)) all.set(k, undefined);
    }
  }
  const facts = Object.fromEntries([...all.keys()].map((k) => [k, plain(types.get(k))]));
  const ok = new Map<string, unknown>();
  const hazard = new Map<string, unknown>();
  for (const it of checklist.items) {
    for (const a of candidates(it)) {
      const rec = {
        id: 'k',
        gridId: 'k',
        gridType: checklist.gridType,
        workerId: 'k',
        at: `${pack.effective.from}T09:00:00+08:00`,
        answers: { [it.id]: a },
        photos: [{ uri: 'k.jpg', itemId: it.id }],
        facts,
      };
      const r = evaluatePatrol(pack, rec, { checklist: checklist.id, explain: false });
      if (r._tag === 'Left') continue;
      const f = r.right.findings.find((x) => x.item === it.id);
      if (f?.status === 'hazard' && !hazard.has(it.id)) hazard.set(it.id, a);
      if (f?.status === 'ok' && !ok.has(it.id)) ok.set(it.id, a);
    }
  }
  return { ok, hazard, facts, majorFacts };
}
