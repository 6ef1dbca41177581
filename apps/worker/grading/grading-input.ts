import type { ProblemForGrading } from '../../../libs/grading/grade-submission.js';
import type { GradingPolicy } from '../../../libs/grading/index.js';
import { REFERENCE_REVIEW_REASON } from '../../../libs/db/index.js';

interface ClaimedProblem {
  key: string;
  statement: string;
  answer: string | null;
  definitions: unknown;
  points: number;
  policy: unknown;
  revision: number;
  referenceSteps: unknown;
  referenceStatus: string;
  references: { revision: number; steps: unknown; finalAnswer: string | null }[];
}

/**
 * What the grader compares with: the teacher's key and steps when given, otherwise the trusted
 * model-written reference of the problem's current revision.
 */
export function toProblemForGrading(problem: ClaimedProblem): ProblemForGrading {
  const modelReference = problem.references.find((reference) => reference.revision === problem.revision);
  const teacherSteps = problem.referenceSteps as ProblemForGrading['referenceSteps'];
  return {
    key: problem.key,
    statement: problem.statement,
    answer: problem.answer ?? modelReference?.finalAnswer ?? null,
    definitions: problem.definitions as Record<string, string>,
    points: problem.points,
    policy: problem.policy as GradingPolicy,
    referenceSteps:
      teacherSteps && teacherSteps.length > 0 ? teacherSteps : ((modelReference?.steps as string[] | undefined) ?? []),
  };
}

/** Why a submission cannot be graded yet (or at all) because of its problems' references. */
export function referenceBlocker(
  problems: ClaimedProblem[],
): { kind: 'wait' } | { kind: 'review'; reason: string } | null {
  const untrusted = problems.filter((problem) => problem.referenceStatus === 'needs_review');
  if (untrusted.length > 0) {
    return {
      kind: 'review',
      reason: `${REFERENCE_REVIEW_REASON}: ${untrusted.map((problem) => problem.key).join(', ')}`,
    };
  }
  return problems.some((problem) => problem.referenceStatus === 'pending') ? { kind: 'wait' } : null;
}
