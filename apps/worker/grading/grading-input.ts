import type { ProblemForGrading } from '../../../libs/grading/grade-submission.js';
import type { GradingPolicy } from '../../../libs/grading/index.js';

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

/** What grading must say about one problem: why its answer is unverified, and whether a person must look. */
export interface ProblemNote {
  reason: string;
  review: boolean;
}

export const NO_KEY_NO_POOL = 'no answer key and no model pool: add a key or start a gpu/edge worker';
const NO_KEY_MODELS_OFF =
  'no answer key and models are off (grading.inference = none): add a key, or set grading.inference to auto and start a gpu/edge worker';

function hasTeacherKey(problem: ClaimedProblem): boolean {
  return Boolean(problem.answer?.trim()) || ((problem.referenceSteps as unknown[] | null) ?? []).length > 0;
}

/**
 * What the problems' references mean for this submission: wait (a model is writing one and a
 * model is usable), or grade now with a note on each problem that has nothing to compare with.
 * `untrustedReasons` holds, per problem key in needs_review, why its reference was not trusted.
 */
export function referencePlan(
  problems: ClaimedProblem[],
  options: { modelsUsable: boolean; inference: string; untrustedReasons: Map<string, string> },
): { wait: boolean; notes: Map<string, ProblemNote> } {
  const notes = new Map<string, ProblemNote>();
  let wait = false;
  for (const problem of problems) {
    if (hasTeacherKey(problem)) continue;
    if (problem.referenceStatus === 'needs_review') {
      const cause = options.untrustedReasons.get(problem.key) ?? 'its model-written reference is not trusted';
      notes.set(problem.key, { reason: untrustedReason(problem.key, cause), review: true });
    } else if (problem.referenceStatus === 'pending') {
      if (options.modelsUsable) wait = true;
      else notes.set(problem.key, { reason: NO_KEY_NO_POOL, review: false });
    } else if (!problem.references.some((reference) => reference.revision === problem.revision)) {
      notes.set(problem.key, {
        reason: options.inference === 'none' ? NO_KEY_MODELS_OFF : NO_KEY_NO_POOL,
        review: false,
      });
    }
  }
  return { wait, notes };
}

/** "problem p3: <what>(<cause>): <fix>", the fix depending on whether a model wrote anything at all. */
function untrustedReason(problemKey: string, cause: string): string {
  if (/no (gpu|edge|gpu or edge) worker/.test(cause))
    return `problem ${problemKey}: no reference was written (${cause}): start a gpu/edge worker or add an answer key, then regrade`;
  return `problem ${problemKey}: the model-written reference is not trusted (${cause}): approve or replace it (stepgrade references approve|replace ASSIGNMENT ${problemKey}), or add an answer key`;
}
