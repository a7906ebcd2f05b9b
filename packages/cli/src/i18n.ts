import type { Bilingual, Lang } from '@gridsafe/schema';
import { en } from './locales/en.js';
import { zh } from './locales/zh.js';

/** A message in both languages: a string, or a function of its parameters. */
export type Msg<A extends unknown[] = []> = { zh: string | ((...a: A) => string); en: string | ((...a: A) => string) };

/** Render a message of a locale map in a language. */
export function say<A extends unknown[]>(msg: Msg<A>, lang: Lang, ...args: A): string {
  const m = msg[lang];
  return typeof m === 'function' ? m(...args) : m;
}

/** A rule text in the language wanted. */
export const pick = (b: Bilingual | undefined, lang: Lang): string => (b ? b[lang] || b.zh : '');

/** The colon of a language. */
export const colon = (lang: Lang): string => (lang === 'zh' ? '：' : ': ');

/** Each message of a language's map beside the same message of the other's: `{ zh, en }` by key. */
export type Paired<T> = { [K in keyof T]: { zh: T[K]; en: T[K] } };

/**
 * Pair two languages' maps (`locales/zh.ts`, `locales/en.ts`) key by key, so a command says a
 * message in the language of the run with {@link say}. The maps have the same keys by type.
 */
export function bilingual<T extends object>(zhMap: T, enMap: T): Paired<T> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(zhMap)) out[k] = { zh: zhMap[k as keyof T], en: enMap[k as keyof T] };
  return out as Paired<T>;
}

/** Messages shared by several commands. */
export const common = bilingual(zh.common, en.common);

/** Display width of a string: CJK characters count two columns. */
export const width = (s: string): number => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);

/** Pad a string to a display width. */
export const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
