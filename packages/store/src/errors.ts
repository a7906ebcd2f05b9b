import type { StoreIssue, StoreIssueCode, StoreIssueParams, StoreMessages } from './issues.js';
import { en } from './locales/en.js';
import { zh } from './locales/zh.js';

export type { StoreIssue, StoreIssueCode, StoreIssueParams, StoreMessages } from './issues.js';

/**
 * A store issue with its message in both languages.
 *
 * @example
 * ```ts
 * import { storeIssue } from '@gridsafe/store';
 * const issue = storeIssue('store.unknownCase', '/caseId', { caseId: 'c9' });
 * console.log(issue.message.zh, issue.message.en);
 * ```
 */
export function storeIssue<C extends StoreIssueCode>(code: C, path: string, params: StoreIssueParams[C]): StoreIssue {
  const render = (m: StoreMessages) => (m[code] as (p: StoreIssueParams[C]) => string)(params);
  return { code, severity: 'error', path, params, message: { zh: render(zh), en: render(en) } } as StoreIssue;
}
