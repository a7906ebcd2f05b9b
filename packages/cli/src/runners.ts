import type { CaseRunner } from '@gridsafe/engine';
import { runEscalationCase } from '@gridsafe/escalation';
import type { TestCase } from '@gridsafe/schema';
import { runScoreCase } from '@gridsafe/scoring';

/** The case runners other packages own: score cases (scoring), escalation cases through the machine (escalation). */
export const RUNNERS: Partial<Record<TestCase['type'], CaseRunner>> = { score: runScoreCase, escalation: runEscalationCase };
