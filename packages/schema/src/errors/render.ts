import { en } from './en.js';
import type { Issue, IssueCode, IssueParams, Location } from './issues.js';
import { zh } from './zh.js';

/** A language gridsafe speaks. */
export type Lang = 'zh' | 'en';

const locales = { zh, en } as const;

/** The message of one issue code in one language. */
export function message<C extends IssueCode>(code: C, params: IssueParams[C], lang: Lang): string {
  return (locales[lang][code] as (p: IssueParams[C]) => string)(params);
}

/** Extra fields an issue may carry. */
export interface IssueExtras {
  severity?: 'error' | 'warning';
  expected?: string;
  found?: string;
  related?: Location;
}

/**
 * Build an issue with its zh and en messages.
 *
 * @example
 * ```ts
 * import { makeIssue } from '@gridsafe/schema';
 * const issue = makeIssue('ref.unknown', { file: 'p.json', line: 3, column: 9, pointer: '/extends/0' },
 *   { refKind: 'pack', id: 'bsae', suggestion: 'base' });
 * console.log(issue.message.en); // unknown pack "bsae"; did you mean "base"?
 * ```
 */
export function makeIssue<C extends IssueCode>(code: C, at: Location, params: IssueParams[C], extras: IssueExtras = {}): Issue {
  const { severity = 'error', ...rest } = extras;
  return {
    code,
    severity,
    ...at,
    params,
    ...rest,
    message: { zh: message(code, params, 'zh'), en: message(code, params, 'en') },
  } as Issue;
}

/**
 * One line of text for an issue: `file:line:column  error  message  (code at pointer)`.
 *
 * @example
 * ```ts
 * import { formatIssue, makeIssue } from '@gridsafe/schema';
 * const issue = makeIssue('schema.required', { file: 'a.json', line: 1, column: 1, pointer: '' }, { property: 'id' });
 * console.log(formatIssue(issue, 'zh')); // a.json:1:1 错误 缺少必填属性“id” [schema.required]
 * ```
 */
export function formatIssue(issue: Issue, lang: Lang): string {
  const sev = issue.severity === 'error' ? (lang === 'zh' ? '错误' : 'error') : lang === 'zh' ? '警告' : 'warning';
  const where = issue.pointer ? ` ${issue.pointer}` : '';
  const text = message(issue.code, issue.params as never, lang);
  const found = issue.found !== undefined ? (lang === 'zh' ? `（实际为 ${issue.found}）` : ` (found ${issue.found})`) : '';
  return `${issue.file}:${issue.line}:${issue.column} ${sev} ${text}${found} [${issue.code}${where}]`;
}
