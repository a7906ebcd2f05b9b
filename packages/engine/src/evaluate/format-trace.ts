import type { Lang } from '@gridsafe/schema';
import type { Trace } from '../compile/types.js';
import type { ResolvedPack } from '../resolve/types.js';
import { factCatalog } from './facts.js';

const OPS: Record<string, { zh: string; en: string }> = {
  equal: { zh: '等于', en: 'equals' },
  notEqual: { zh: '不等于', en: 'does not equal' },
  lessThan: { zh: '小于', en: 'is less than' },
  lessThanInclusive: { zh: '不大于', en: 'is at most' },
  greaterThan: { zh: '大于', en: 'is greater than' },
  greaterThanInclusive: { zh: '不小于', en: 'is at least' },
  in: { zh: '属于', en: 'is one of' },
  notIn: { zh: '不属于', en: 'is none of' },
  contains: { zh: '包含', en: 'contains' },
  doesNotContain: { zh: '不包含', en: 'does not contain' },
  matches: { zh: '匹配', en: 'matches' },
};
const GROUPS = {
  all: { zh: '全部满足', en: 'all of' },
  any: { zh: '任一满足', en: 'any of' },
  not: { zh: '不满足', en: 'not' },
  condition: { zh: '命名条件', en: 'named condition' },
} as const;
const ITEM_FACTS: Record<string, { zh: string; en: string }> = {
  answer: { zh: '巡查回答', en: 'the answer' },
  photos: { zh: '照片数', en: 'the photo count' },
};

const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));

/**
 * An explanation as indented lines of text, one per condition: ✔ or ✘, the fact by its catalogue
 * title, the comparison, and the value the record had.
 *
 * @example
 * ```ts
 * import { formatTrace, type ResolvedPack, type Trace } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * const trace: Trace = { kind: 'leaf', fact: 'answer', operator: 'equal', value: true, factValue: true, result: true };
 * console.log(formatTrace(pack, trace, 'en').join('\n')); // ✔ the answer equals true (was true)
 * ```
 */
export function formatTrace(pack: ResolvedPack, trace: Trace, lang: Lang, indent = 0): string[] {
  const pad = '  '.repeat(indent);
  const mark = trace.result ? '✔' : '✘';
  if (trace.kind === 'leaf') {
    const label = ITEM_FACTS[trace.fact]?.[lang] ?? factCatalog(pack).get(trace.fact)?.title[lang] ?? trace.fact;
    const fact = `${label}${trace.path ? ` ${trace.path}` : ''}`;
    const op = OPS[trace.operator]?.[lang] ?? trace.operator;
    const seen = lang === 'zh' ? `（实际为 ${show(trace.factValue)}）` : ` (was ${show(trace.factValue)})`;
    return [`${pad}${mark} ${fact} ${op} ${show(trace.value)}${seen}`];
  }
  const head = `${pad}${mark} ${GROUPS[trace.kind][lang]}${trace.name ? ` ${trace.name}` : ''}`;
  return [head, ...trace.children.flatMap((c) => formatTrace(pack, c, lang, indent + 1))];
}
