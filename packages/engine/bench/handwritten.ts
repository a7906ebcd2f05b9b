import type { SyntheticRecord } from './workload.js';

/**
 * Hand-written TypeScript for the seed checklists' logic, the ceiling the compiled evaluator is
 * measured against. Keyed by checklist id; each writes the same codes as the bench's `run`.
 */
export const handwritten: Record<string, (recs: SyntheticRecord[], out: Uint8Array) => void> = {};
