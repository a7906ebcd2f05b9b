import { dateTable } from './rng.js';
import type { SyntheticUnit } from './units.js';

/**
 * `count` patrol-task and hazard records spread over the leaf units and the period's days, made
 * one at a time: 60% patrol tasks, 40% hazards, outcomes drawn with each unit's quality.
 */
export function bulkRecords(
  leaves: readonly SyntheticUnit[],
  start: string,
  days: number,
  count: number,
  random: () => number,
): Iterator<Record<string, unknown>> {
  const dates = dateTable(start, days + 60);
  const ids = leaves.map((l) => l.record.id);
  const quality = leaves.map((l) => l.quality);
  const n = leaves.length;
  let i = 0;
  // A plain iterator, not a generator: this is the hot loop of the ten-million-record benchmark.
  return {
    next: () => (i++ < count ? { value: one(), done: false } : { value: undefined, done: true }),
  };
  function one(): Record<string, unknown> {
    const k = Math.floor(random() * n);
    const q = quality[k] as number;
    const d = Math.floor(random() * days);
    const unit = ids[k] as string;
    const date = dates[d] as string;
    const r = random();
    if (random() < 0.6) {
      const status = r < q ? 'done' : r < q + (1 - q) / 2 ? 'carried' : 'missed';
      const done = status === 'done' ? date : status === 'carried' ? (dates[d + 1] as string) : undefined;
      return {
        type: 'patrol',
        unit,
        date,
        status,
        reported: status === 'missed' ? random() < 0.5 : undefined,
        doneOn: done,
        recordedOn: done === undefined ? undefined : random() < q ? done : dates[d + 2],
      };
    }
    const state = r < q * 0.85 ? 'closed' : r < q * 0.95 ? 'handled' : 'open';
    const bad = 1 - q;
    const due = d + 7 + Math.floor(random() * 21);
    return {
      type: 'hazard',
      unit,
      date,
      tier: random() < 0.05 ? 'major' : 'general',
      state,
      dueOn: dates[due],
      closedOn: state === 'closed' ? dates[random() < q ? d + Math.floor(random() * 7) : due + 1 + Math.floor(random() * 20)] : undefined,
      reportedImmediately: random() < q + 0.1,
      extended: random() < bad * 0.3,
      returned: random() < bad * 0.2,
      reworked: random() < bad * 0.2,
    };
  }
}
