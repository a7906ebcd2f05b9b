import { EXIT } from './io.js';

/**
 * A problem with what the user asked for or gave (a missing file, a bad option, a pack with
 * errors): printed as a message, never as a stack trace.
 *
 * @example
 * ```ts
 * import { UserError } from '@gridsafe/cli';
 * throw new UserError('no rule pack "chibbi"');
 * ```
 */
export class UserError extends Error {
  /** The exit code to end with (2 unless said otherwise). */
  readonly code: number;
  constructor(message: string, code: number = EXIT.usage) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}
