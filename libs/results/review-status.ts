/**
 * A submission's status from its problems (API.md, per-problem status): needs_review when any
 * problem not settled by an override needs a person, with a reason listing each such problem's own
 * reason (problem, cause, fix). The grader stores a problem's reason as `review` on its final answer.
 */
export function reviewStatus(
  answers: { problemKey: string; finalAnswer?: unknown }[],
  overriddenKeys: Set<string>,
): { status: 'graded' | 'needs_review'; reason: string | null } {
  const reasons = answers
    .filter((answer) => !overriddenKeys.has(answer.problemKey))
    .map((answer) => (answer.finalAnswer as { review?: string } | null | undefined)?.review)
    .filter((review): review is string => Boolean(review));
  if (reasons.length === 0) return { status: 'graded', reason: null };
  return { status: 'needs_review', reason: `needs review: ${reasons.join('; ')}` };
}
