import type { CatalogFile, ChecklistFile, NestedCondition, TopLevelCondition } from '@gridsafe/schema';
import { rng } from './harness.js';

const src = [{ seed: '002', clause: '附件1' }];

/** A synthetic pack of `n` rules over 20 facts of mixed types: the large-pack workload. */
export function syntheticPack(n: number, seed = 7): { catalog: CatalogFile; checklist: ChecklistFile } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const numFacts = Array.from({ length: 8 }, (_, i) => `n${i}`);
  const boolFacts = Array.from({ length: 6 }, (_, i) => `b${i}`);
  const strFacts = Array.from({ length: 4 }, (_, i) => `s${i}`);
  const listFacts = ['kit', 'sectors'];
  const words = ['a', 'b', 'c'];
  const leaf = (): NestedCondition => {
    const k = r();
    if (k < 0.2) return { fact: 'answer', operator: 'equal', value: true };
    if (k < 0.45)
      return {
        fact: pick(numFacts),
        operator: pick(['greaterThan', 'lessThan', 'greaterThanInclusive'] as const),
        value: Math.floor(r() * 400),
      };
    if (k < 0.65) return { fact: pick(boolFacts), operator: 'equal', value: r() < 0.5 };
    if (k < 0.85) return { fact: pick(strFacts), operator: pick(['in', 'notIn'] as const), value: words.filter(() => r() < 0.5) };
    return { fact: pick(listFacts), operator: pick(['contains', 'doesNotContain'] as const), value: pick(words) };
  };
  const cond = (depth: number): TopLevelCondition => {
    const parts = Array.from({ length: 1 + Math.floor(r() * 3) }, () => (depth < 1 && r() < 0.3 ? cond(depth + 1) : leaf()));
    const k = r();
    if (k < 0.5) return { all: parts };
    if (k < 0.9) return { any: parts };
    return { not: { all: parts } };
  };
  const t = (zh: string, en: string) => ({ zh, en });
  const catalog: CatalogFile = {
    kind: 'catalog',
    id: 'syn.catalog',
    version: '1.0.0',
    title: t('合成', 'Synthetic'),
    source: src,
    facts: [
      { id: 'answer', type: 'boolean', scope: 'item', title: t('回答', 'Answer') },
      ...numFacts.map((id) => ({ id, type: 'number' as const, scope: 'record' as const, title: t(id, id) })),
      ...boolFacts.map((id) => ({ id, type: 'boolean' as const, scope: 'record' as const, title: t(id, id) })),
      ...strFacts.map((id) => ({ id, type: 'string' as const, scope: 'record' as const, title: t(id, id), enum: words })),
      ...listFacts.map((id) => ({ id, type: 'string[]' as const, scope: 'record' as const, title: t(id, id), enum: words })),
    ],
    sectors: [{ id: 'syn', title: t('合成', 'Synthetic') }],
  };
  const checklist: ChecklistFile = {
    kind: 'checklist',
    id: 'syn.checklist',
    version: '1.0.0',
    title: t('合成', 'Synthetic'),
    source: src,
    gridType: 'synthetic',
    level: 'syn.grid',
    items: Array.from({ length: n }, (_, i) => ({
      id: `syn.${i}`,
      number: i + 1,
      text: t(`条目${i}`, `Item ${i}`),
      sector: 'syn',
      itemKind: 'check' as const,
      answer: 'boolean' as const,
      hazardWhen: cond(0),
      severity: { default: 'general' as const, ...(r() < 0.3 ? { majorWhen: cond(1) } : {}) },
      evidence: { photo: 'optional' as const },
      directToTownship: false,
      source: src,
    })),
  };
  return { catalog, checklist };
}
