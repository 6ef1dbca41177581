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

/**
 * A problem's reference status as a regrade recomputes it: a key or `none` needs no model; a
 * trusted reference stays; a model-written one that was not trusted waits for the teacher; any
 * other keyless problem asks a model again (under `auto` with no live pool the work is graded
 * CAS-only meanwhile, so pending never holds it back).
 */
export function recomputedReferenceStatus(
  problem: { answer?: string | null; referenceSteps: unknown[] },
  inference: string,
  reference: { status: string; steps: unknown[] } | null,
): 'ready' | 'pending' | 'needs_review' {
  if (initialReferenceStatus(problem, inference) === 'ready') return 'ready';
  if (reference?.status === 'ready') return 'ready';
  if (reference?.status === 'needs_review' && reference.steps.length > 0) return 'needs_review';
  return 'pending';
}
