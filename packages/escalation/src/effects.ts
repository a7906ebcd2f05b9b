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
      /** A tier id, a department id, or `hq` for the bodies a tier notifies (`notifies`). */
      to: string;
      why: 'assigned' | 'departments' | 'verify' | 'supervise' | 'overdue' | 'extension' | 'closed' | 'hq';
      /** For `hq`: the bodies named by the policy. */
      bodies?: Bilingual[];
    }
  | { type: 'scheduleDeadline'; at: string; state: string }
  | { type: 'cancelDeadline' };
