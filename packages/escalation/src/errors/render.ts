import type { Lang } from '@gridsafe/schema';
import type { Rejection, RejectionCode, RejectionParams } from './codes.js';
import { en } from './en.js';
import { zh } from './zh.js';

const locales = { zh, en } as const;

/**
 * The message of one rejection code in one language.
 *
 * @example
 * ```ts
 * import { rejectionMessage } from '@gridsafe/escalation';
 * console.log(rejectionMessage('escalation.notDue', { due: '2026-03-02T08:00:00.000Z', at: '2026-03-01T08:00:00.000Z' }, 'en'));
 * // DEADLINE at 2026-03-01T08:00:00.000Z is early: the case is due at 2026-03-02T08:00:00.000Z
 * ```
 */
export function rejectionMessage<C extends RejectionCode>(code: C, params: RejectionParams[C], lang: Lang): string {
  return (locales[lang][code] as (p: RejectionParams[C]) => string)(params);
}

/**
 * Build a rejection with its zh and en messages.
 *
 * @example
 * ```ts
 * import { makeRejection } from '@gridsafe/escalation';
 * const r = makeRejection('escalation.final', { state: 'closed' }, { id: 'e9', type: 'RESOLVE' });
 * console.log(r.message.zh); // 案件已办结，已办结或作废的案件不再接受任何事件
 * ```
 */
export function makeRejection<C extends RejectionCode>(
  code: C,
  params: RejectionParams[C],
  event: { id: string; type: string },
): Rejection {
  return {
    code,
    severity: 'error',
    params,
    event: { id: event.id, type: event.type },
    message: { zh: rejectionMessage(code, params, 'zh'), en: rejectionMessage(code, params, 'en') },
  } as Rejection;
}

/**
 * One line of text for a rejection: `event-id TYPE rejected: message [code]`.
 *
 * @example
 * ```ts
 * import { formatRejection, makeRejection } from '@gridsafe/escalation';
 * const r = makeRejection('escalation.missing', { event: 'RESOLVE', field: 'evidence' }, { id: 'e3', type: 'RESOLVE' });
 * console.log(formatRejection(r, 'en')); // e3 RESOLVE rejected: RESOLVE needs rectification evidence [escalation.missing]
 * ```
 */
export function formatRejection(r: Rejection, lang: Lang): string {
  const word = lang === 'zh' ? '被拒绝：' : 'rejected: ';
  return `${r.event.id} ${r.event.type} ${word}${r.message[lang]} [${r.code}]`;
}
