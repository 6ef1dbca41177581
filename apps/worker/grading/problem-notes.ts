import type { GradedAnswer } from '../../../libs/grading/grade-submission.js';
import { reviewStatus } from '../../../libs/results/review-status.js';
import type { ProblemNote } from './grading-input.js';

/**
 * A stored answer's final answer may carry `reason` (why it is unverified: what to do) and
 * `review` (why a person must look at this problem). They live in the answer's final-answer JSON,
 * so one problem in review never hides the others' scores (API.md, "Per-problem status").
 */
export type NotedAnswer = GradedAnswer & {
  finalAnswer: GradedAnswer['finalAnswer'] & { reason?: string; review?: string };
};

const UNCOMPARED = 'The final answer could not be compared with a key.';

/** Lays each problem's note over its graded answer: the reason on the final answer and in the feedback. */
export function applyProblemNotes(answers: GradedAnswer[], notes: Map<string, ProblemNote>): NotedAnswer[] {
  return answers.map((answer) => {
    const note = notes.get(answer.problemKey);
    if (!note) return answer;
    const finalAnswer: NotedAnswer['finalAnswer'] = { ...answer.finalAnswer };
    if (finalAnswer.verdict === 'unverified') finalAnswer.reason = note.reason;
    if (note.review) finalAnswer.review = note.reason;
    const feedback =
      finalAnswer.verdict === 'unverified' && answer.feedback.includes(UNCOMPARED)
        ? answer.feedback.replace(UNCOMPARED, `The final answer could not be checked: ${note.reason}.`)
        : answer.feedback;
    return { ...answer, finalAnswer, feedback };
  });
}

/** Marks more problems for review (a failed model judgement, unverified steps under reviewUnverified). */
export function markForReview(answers: NotedAnswer[], reasons: Map<string, string>): NotedAnswer[] {
  return answers.map((answer) => {
    const reason = reasons.get(answer.problemKey);
    if (!reason || answer.finalAnswer.review) return answer;
    return { ...answer, finalAnswer: { ...answer.finalAnswer, review: reason } };
  });
}

/** The submission's status from its problems (libs/results decides it the same way after overrides). */
export function submissionStatus(
  answers: NotedAnswer[],
  overriddenKeys: Set<string>,
): { status: 'graded' | 'needs_review'; reason: string | null } {
  return reviewStatus(answers, overriddenKeys);
}
