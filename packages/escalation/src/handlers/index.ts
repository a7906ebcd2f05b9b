import type { PolicyModel } from '../policy/model.js';
import { acceptRules } from './accept.js';
import { closeRules } from './close.js';
import { deadlineRules } from './deadline.js';
import { escalateRules } from './escalate.js';
import { extensionRules } from './extension.js';
import { forwardRules } from './forward.js';
import { gradeRules } from './grade.js';
import { planRules } from './plan.js';
import { reportRules } from './report.js';
import { resolveRules } from './resolve.js';
import { returnRules } from './return.js';
import type { Rule } from './rule.js';
import { sendDownRules } from './senddown.js';
import { superviseRules } from './supervise.js';
import { verifyRules } from './verify.js';

/** Every transition of a policy's machine, one event handler per file. */
export function allRules(model: PolicyModel): Rule[] {
  return [
    reportRules,
    acceptRules,
    resolveRules,
    escalateRules,
    forwardRules,
    sendDownRules,
    gradeRules,
    planRules,
    verifyRules,
    extensionRules,
    returnRules,
    deadlineRules,
    superviseRules,
    closeRules,
  ].flatMap((f) => f(model));
}
