import type { EscalationEvent } from '@gridsafe/escalation';
import { decode, ESCALATION_EVENT_CODECS, EscalationEventCodec, type Issue, NonEmpty } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { type StoreIssue, storeIssue } from './errors.js';

/**
 * The largest event the store accepts, as JSON text, in UTF-16 code units.
 *
 * @example
 * ```ts
 * import { MAX_EVENT_BYTES } from '@gridsafe/store';
 * console.log(MAX_EVENT_BYTES); // 262144
 * ```
 */
export const MAX_EVENT_BYTES = 256 * 1024;

/** The first path in `value` holding a string with a NUL character, or `undefined`. */
function nulPath(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '/' : undefined;
  if (value === null || typeof value !== 'object' || depth > 40) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return `${path}/${k}`;
    const p = nulPath(v, `${path}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`, depth + 1);
    if (p) return p;
  }
  return undefined;
}

/**
 * An event as the store takes it: decoded by the escalation event codec of `@gridsafe/schema`,
 * no larger than {@link MAX_EVENT_BYTES}, and with no NUL character anywhere (PostgreSQL cannot
 * store one). Every problem is located; nothing reaches the database before this passes.
 *
 * @example
 * ```ts
 * import { checkEvent } from '@gridsafe/store';
 * const r = checkEvent({ type: 'ESCALATE', id: 'e2', at: '2026-03-02T10:00:00+08:00', actor: 'chen', role: 'xianyou.tier.grid-worker' });
 * if (r._tag === 'Left') console.log(r.left.map((i) => i.message.en)); // the missing reason, at /reason
 * ```
 */
export function checkEvent(value: unknown): E.Either<(Issue | StoreIssue)[], EscalationEvent> {
  // Decoded by the codec of its own type where it names one, so faults are located at their field.
  const type = value !== null && typeof value === 'object' ? (value as { type?: unknown }).type : undefined;
  const codec =
    typeof type === 'string' && Object.hasOwn(ESCALATION_EVENT_CODECS, type)
      ? ESCALATION_EVENT_CODECS[type as keyof typeof ESCALATION_EVENT_CODECS]
      : EscalationEventCodec;
  const decoded = decode(codec, value, 'event');
  if (E.isLeft(decoded)) return decoded;
  let text: string;
  try {
    text = JSON.stringify(decoded.right);
  } catch {
    return E.left([storeIssue('store.tooLarge', '', { size: Number.POSITIVE_INFINITY, limit: MAX_EVENT_BYTES })]);
  }
  if (text.length > MAX_EVENT_BYTES) return E.left([storeIssue('store.tooLarge', '', { size: text.length, limit: MAX_EVENT_BYTES })]);
  const nul = nulPath(decoded.right, '', 0);
  if (nul) return E.left([storeIssue('store.nulCharacter', nul, { field: nul })]);
  // The codec's type and the escalation package's event type are kept the same (the store's type test checks it).
  return E.right(decoded.right as EscalationEvent);
}

/** A case id: a non-empty string of at most 200 characters without NUL. */
export function checkCaseId(caseId: unknown): StoreIssue | Issue | undefined {
  if (typeof caseId === 'string' && caseId.length > 0 && caseId.length <= 200) {
    return caseId.includes('\u0000') ? storeIssue('store.nulCharacter', '/caseId', { field: 'caseId' }) : undefined;
  }
  const d = decode(NonEmpty, caseId, 'caseId');
  return E.isLeft(d) ? d.left[0] : undefined;
}
