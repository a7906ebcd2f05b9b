import type { Bilingual, Lang } from '@gridsafe/schema';

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

/** Messages shared by several commands. */
export const common = {
  badFormat: {
    zh: (f: string, allowed: string) => `--format 只能是 ${allowed}，不能是 "${f}"`,
    en: (f: string, allowed: string) => `--format must be ${allowed}, not "${f}"`,
  },
  noPack: {
    zh: (p: string, dir: string) => `找不到规则包 "${p}"：既不是包目录，也不在 ${dir} 中`,
    en: (p: string, dir: string) => `no rule pack "${p}": not a pack folder, nor a pack under ${dir}`,
  },
  packInvalid: {
    zh: (n: number) => `规则包有 ${n} 个错误，请先运行 gridsafe validate 修正：`,
    en: (n: number) => `the rule pack has ${n} errors; fix them first (gridsafe validate):`,
  },
  unreadable: { zh: (p: string, why: string) => `无法读取 ${p}：${why}`, en: (p: string, why: string) => `cannot read ${p}: ${why}` },
  badJson: {
    zh: (p: string, why: string) => `${p} 不是有效的 JSON：${why}`,
    en: (p: string, why: string) => `${p} is not valid JSON: ${why}`,
  },
  wrote: { zh: (p: string) => `已写入 ${p}`, en: (p: string) => `wrote ${p}` },
};

/** Display width of a string: CJK characters count two columns. */
export const width = (s: string): number => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);

/** Pad a string to a display width. */
export const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
