import type { Lang } from '@gridsafe/schema';

/**
 * Where a command writes, and what it knows of its environment. Tests and hosts pass their own.
 *
 * @example
 * ```ts
 * import { run, type CliIO } from '@gridsafe/cli';
 * let out = '';
 * const io: CliIO = { out: (t) => { out += t; }, err: () => {}, env: { LANG: 'zh_CN.UTF-8' }, cwd: '.', isTTY: false };
 * await run(['test', 'chibi'], io);
 * console.log(out); // ……条通过，0 条未通过
 * ```
 */
export interface CliIO {
  /** Writes to standard output. */
  out: (text: string) => void;
  /** Writes to standard error. */
  err: (text: string) => void;
  /** Environment variables (for the locale and NO_COLOR). */
  env: Record<string, string | undefined>;
  /** Working directory. */
  cwd: string;
  /** Whether standard output is a terminal (colour). */
  isTTY: boolean;
  /** Whether standard error is a terminal (progress bars go there). */
  errTTY?: boolean;
}

/**
 * Exit codes: 0 ok, 1 findings or failures, 2 usage or input error.
 *
 * @example
 * ```ts
 * import { EXIT, run } from '@gridsafe/cli';
 * if ((await run(['validate', 'rules/'])) === EXIT.findings) console.log('fix the rule files');
 * ```
 */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/**
 * The language from `--lang`, else from the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): zh for
 * zh_*, en otherwise.
 *
 * @example
 * ```ts
 * import { detectLang } from '@gridsafe/cli';
 * console.log(detectLang(undefined, { LANG: 'zh_CN.UTF-8' })); // zh
 * console.log(detectLang('en', { LC_ALL: 'zh_TW.UTF-8' })); // en
 * ```
 */
export function detectLang(flag: string | undefined, env: CliIO['env']): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh([_.-]|$)/i.test(locale) ? 'zh' : 'en';
}

/** The process's own streams and environment (not part of the public API). */
export function processIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    errTTY: Boolean(process.stderr.isTTY),
  };
}
