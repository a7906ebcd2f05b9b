import type { Citation } from '@gridsafe/schema';
import type { MetricScore } from '../score.js';
import type { Lang } from './labels.js';

/** A number as the report prints it: up to 2 decimals, no trailing zeros. */
export const fmt = (x: number): string => String(Math.round(x * 100) / 100);

/** A metric value: a ratio as a percentage (89%), a count as is, a yes/no as ✓ / ✗; — when it does not apply. */
export function fmtValue(m: MetricScore): string {
  if (m.value === null) return '—';
  if (m.measure === 'ratio') return `${fmt(m.value * 100)}%`;
  if (m.measure === 'boolean') return m.value === 1 ? '✓' : '✗';
  return fmt(m.value);
}

/** A numerator or denominator as printed. */
export const fmtPart = (v: unknown): string =>
  v === undefined || v === null ? '—' : typeof v === 'number' ? fmt(v) : typeof v === 'boolean' ? (v ? '✓' : '✗') : String(v);

/** A rule's citations in one line: seed, clause and quote. */
export const fmtSource = (source: readonly Citation[] | undefined, lang: Lang): string =>
  (source ?? []).map((c) => `${lang === 'zh' ? '种子' : 'seed'} ${c.seed} ${c.clause}${c.quote ? ` “${c.quote}”` : ''}`).join('; ');

/** Escape text for HTML. */
export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Escape text for a Markdown table cell. */
export const mdCell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
