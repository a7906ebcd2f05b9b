import type { Lang } from '@gridsafe/schema';

/** Where a command writes, and what it knows of its environment. Tests pass their own. */
export interface CliIO {
  /** Writes to standard output. */
  out: (text: string) => void;
  /** Writes to standard error. */
  err: (text: string) => void;
  /** Environment variables (for the locale and NO_COLOR). */
  env: Record<string, string | undefined>;
  /** Working directory. */
  cwd: string;
  /** Whether output goes to a terminal (colour, progress). */
  isTTY: boolean;
}

/** Exit codes: 0 ok, 1 findings or failures, 2 usage or input error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/**
 * The language from `--lang`, else from the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): zh for
 * zh_*, en otherwise.
 */
export function detectLang(flag: string | undefined, env: CliIO['env']): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh([_.-]|$)/i.test(locale) ? 'zh' : 'en';
}

/** The process's own streams and environment. */
export function processIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
  };
}
