import type { Bilingual } from '@gridsafe/schema';
import type { AuditEntry } from './snapshot.js';

/**
 * What a host should do after an accepted event. Effects are data; the host carries them out
 * (send a notice, set a timer or a row in its scheduler, append to its own log).
 */
export type Effect =
  | { type: 'audit'; entry: AuditEntry }
  | {
      type: 'notify';
      /** A tier id, a department id, or `hq` for the bodies a tier notifies (`notifies`, `reportsUp`). */
      to: string;
      /** `reportUp`: report up and keep (the tier keeps the case); `overdue`: a due time passed, a reminder. */
      why: 'assigned' | 'departments' | 'verify' | 'supervise' | 'overdue' | 'extension' | 'closed' | 'hq' | 'reportUp';
      /** For `hq` and `reportUp`: the bodies named by the policy. */
      bodies?: Bilingual[];
      /** For `reportUp`: the report-up rule's id. */
      rule?: string;
    }
  | { type: 'scheduleDeadline'; at: string; state: string }
  /** The case is closed or voided: no more deadlines. (An open case always has one.) */
  | { type: 'cancelDeadline' };
