/**
 * A problem needs a model-written reference only when the teacher gave neither an answer key nor
 * worked steps and the assignment allows models; otherwise it is ready from the start.
 */
export function initialReferenceStatus(
  problem: { answer?: string | null; referenceSteps: unknown[] },
  inference: string,
): 'ready' | 'pending' {
  const hasKey = Boolean(problem.answer && problem.answer.trim()) || problem.referenceSteps.length > 0;
  return hasKey || inference === 'none' ? 'ready' : 'pending';
}
