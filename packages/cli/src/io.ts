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
  /**
   * Writes to standard output. May return false, as a stream's `write` does, when the reader is
   * behind: commands that write much then wait for {@link CliIO.drain} before writing more.
   */
  out: (text: string) => unknown;
  /** Resolves when standard output can take more (after `out` returned false). */
  drain?: () => Promise<void>;
  /** The error standard output failed with, if it did (EPIPE when its reader closed it, as `| head` does). */
  outError?: () => NodeJS.ErrnoException | undefined;
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

/**
 * The process's own streams and environment (not part of the public API). Standard output's
 * errors are kept, not thrown: a reader that closes the pipe (`gridsafe check … | head`) ends
 * the output, never with a stack trace.
 */
export function processIO(): CliIO {
  const stdout = process.stdout;
  let error: NodeJS.ErrnoException | undefined;
  stdout.on('error', (e: NodeJS.ErrnoException) => {
    error ??= e;
  });
  return {
    out: (t) => (error ? false : stdout.write(t)),
    drain: () =>
      new Promise<void>((resolve) => {
        if (error || !stdout.writableNeedDrain) return resolve();
        const done = () => {
          stdout.off('drain', done);
          stdout.off('error', done);
          stdout.off('close', done);
          resolve();
        };
        stdout.on('drain', done);
        stdout.on('error', done);
        stdout.on('close', done);
      }),
    outError: () => error,
    err: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    errTTY: Boolean(process.stderr.isTTY),
  };
}

/**
 * Output in chunks of about 64 KiB through `io.out`, waiting for `io.drain` whenever the reader is
 * behind, so that memory stays bounded however slow the reader is (not part of the public API).
 */
export class Output {
  private buffer = '';
  constructor(
    private readonly io: CliIO,
    private readonly chunk = 1 << 16,
  ) {}

  /** Whether standard output has failed (its reader gone): nothing more reaches it. */
  get failed(): NodeJS.ErrnoException | undefined {
    return this.io.outError?.();
  }

  /** Queue text; true when the buffer is full and {@link Output.flush} should be awaited. */
  write(text: string): boolean {
    this.buffer += text;
    return this.buffer.length >= this.chunk;
  }

  /** Write what is queued, and wait until the reader has taken it if it is behind. */
  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    if (this.failed) return;
    if (this.io.out(text) === false && this.io.drain) await this.io.drain();
  }
}
