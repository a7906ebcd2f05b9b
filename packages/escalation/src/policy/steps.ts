import type { Bilingual } from '@gridsafe/schema';

/**
 * The steps of the closed loop a case goes through at each tier. `new` (before `REPORT`) stands
 * for patrol, collection and discovery; `verified` is the end of checking and feedback, waiting for
 * `CLOSE`.
 */
export const STEPS = ['assign', 'handle', 'supervise', 'verify', 'verified'] as const;

/** One of {@link STEPS}. */
export type Step = (typeof STEPS)[number];

/** Titles of the steps when a policy has no `loop` naming them (seed 004's seven-step loop). */
export const STEP_TITLES: Record<Step | 'new', Bilingual> = {
  new: { zh: '源头发现', en: 'Discovery' },
  assign: { zh: '任务分配', en: 'Task assignment' },
  handle: { zh: '问题处置', en: 'Problem handling' },
  supervise: { zh: '督查督办', en: 'Supervision' },
  verify: { zh: '检查反馈', en: 'Checking and feedback' },
  verified: { zh: '待办结', en: 'Awaiting closure' },
};
