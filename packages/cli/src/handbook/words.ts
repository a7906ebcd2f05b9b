import type { ResolvedPack } from '@gridsafe/engine';
import type { Lang, NestedCondition, TopLevelCondition } from '@gridsafe/schema';
import { pick } from '../i18n.js';

const UNITS = {
  zh: { Y: '年', M: '个月', W: '周', D: '天', H: '小时', m: '分钟' },
  en: { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', m: 'minute' },
} as const;

/** An ISO 8601 duration in words: `P3D` → 3天 / 3 days. */
export function durationWords(iso: string, lang: Lang): string {
  const m = /^P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?)?$/.exec(iso);
  if (!m) return iso;
  const keys = ['Y', 'M', 'W', 'D', 'H', 'm'] as const;
  const parts = keys
    .map((k, i) => [k, m[i + 1]] as const)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      const n = Number(v);
      if (lang === 'zh') return k === 'M' && n === 0.5 ? '半个月' : `${n}${UNITS.zh[k]}`;
      return k === 'M' && n === 0.5 ? 'half a month' : `${n} ${UNITS.en[k]}${n === 1 ? '' : 's'}`;
    });
  return parts.join(lang === 'zh' ? '' : ' ');
}

/** A cadence in words: every P1W, 1 time → 每周1次 / once a week. */
export function cadenceWords(every: string, count: number, lang: Lang): string {
  const per: Record<string, [string, string]> = {
    P1D: ['每天', 'a day'],
    P1W: ['每周', 'a week'],
    'P0.5M': ['每半月', 'every half month'],
    P1M: ['每月', 'a month'],
    P3M: ['每季度', 'a quarter'],
    P1Y: ['每年', 'a year'],
  };
  const p = per[every];
  if (lang === 'zh') return `${p ? p[0] : `每${durationWords(every, 'zh')}`}${count}次`;
  const times = count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
  return `${times} ${p ? p[1] : `every ${durationWords(every, 'en')}`}`;
}

const OPS: Record<string, [string, string]> = {
  equal: ['为', 'is'],
  notEqual: ['不为', 'is not'],
  lessThan: ['小于', 'is less than'],
  lessThanInclusive: ['不超过', 'is at most'],
  greaterThan: ['大于', 'is more than'],
  greaterThanInclusive: ['不少于', 'is at least'],
  in: ['属于', 'is one of'],
  notIn: ['不属于', 'is none of'],
  contains: ['包含', 'includes'],
  doesNotContain: ['不包含', 'does not include'],
  matches: ['符合', 'matches'],
};

function value(v: unknown, lang: Lang): string {
  if (v === true) return lang === 'zh' ? '“是”' : '“yes”';
  if (v === false) return lang === 'zh' ? '“否”' : '“no”';
  if (Array.isArray(v)) return v.map((x) => value(x, lang)).join(lang === 'zh' ? '、' : ', ');
  if (v && typeof v === 'object' && 'fact' in v) return String((v as { fact: string }).fact);
  return typeof v === 'string' ? `“${v}”` : String(v);
}

/** A condition in plain words, with fact and named-condition titles from the pack's catalogs. */
export function conditionWords(cond: TopLevelCondition | NestedCondition, pack: ResolvedPack, lang: Lang): string {
  const facts = new Map(pack.catalogs.flatMap((c) => c.facts.map((f) => [f.id, f] as const)));
  const named = new Map(pack.catalogs.flatMap((c) => (c.conditions ?? []).map((n) => [n.id, n] as const)));
  const walk = (c: TopLevelCondition | NestedCondition, top: boolean): string => {
    if ('all' in c || 'any' in c) {
      const kids = 'all' in c ? (c as { all: NestedCondition[] }).all : (c as { any: NestedCondition[] }).any;
      const joined = kids
        .map((k) => walk(k, false))
        .join('all' in c ? (lang === 'zh' ? '，且' : ', and ') : lang === 'zh' ? '，或' : ', or ');
      return top || kids.length === 1 ? joined : `(${joined})`;
    }
    if ('not' in c) return `${lang === 'zh' ? '并非' : 'not '}${walk(c.not, false)}`;
    if ('condition' in c) return pick(named.get(c.condition)?.title, lang) || c.condition;
    const sp = lang === 'zh' ? '' : ' ';
    const op = OPS[c.operator]?.[lang === 'zh' ? 0 : 1] ?? c.operator;
    if (c.fact === 'answer') return `${lang === 'zh' ? '回答' : 'the answer'}${sp}${op}${sp}${value(c.value, lang)}`;
    const title = pick(facts.get(c.fact)?.title, lang) || c.fact;
    return `${title}${c.path ? ` (${c.path})` : ''}${sp}${op}${sp}${value(c.value, lang)}`;
  };
  return walk(cond, true);
}
