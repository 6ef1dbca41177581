import type { AssignmentEdit, AssignmentRow, ProblemEdit } from '../../../libs/db/index.js';
import type { UpdateAssignmentBody } from './assignment-update.dto.js';
import { initialReferenceStatus } from './reference-plan.js';

/** Order-insensitive JSON equality: Postgres jsonb does not keep key order. */
export function sameJson(left: unknown, right: unknown): boolean {
  return canonical(left) === canonical(right);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export class UnknownProblemError extends Error {
  override name = 'UnknownProblemError';
}

// What a revision is made of (API.md): a change to any of these needs a new reference.
const REVISION_FIELDS = ['statement', 'answer', 'referenceSteps', 'definitions'] as const;

/**
 * Works out what a PATCH changes: per problem only the fields that differ, a new revision when the
 * statement, key, steps or definitions change, and whether grading changed (results go stale).
 */
export function planAssignmentEdit(current: AssignmentRow, patch: UpdateAssignmentBody): AssignmentEdit {
  const grading = patch.grading ? { ...current.grading, ...stripUndefined(patch.grading) } : undefined;
  const gradingSettingChanged = grading !== undefined && !sameJson(grading, current.grading);
  const inference = String((grading ?? current.grading).inference ?? 'auto');
  const problems: ProblemEdit[] = [];
  for (const problemPatch of patch.problems ?? []) {
    const problem = current.problems.find((candidate) => candidate.key === problemPatch.key);
    if (!problem)
      throw new UnknownProblemError(
        `the assignment has no problem ${problemPatch.key} (problems cannot be added by PATCH)`,
      );
    const edit: ProblemEdit = { problemId: problem.id };
    for (const field of REVISION_FIELDS) {
      const value = problemPatch[field];
      if (value !== undefined && !sameJson(value, problem[field]))
        (edit as unknown as Record<string, unknown>)[field] = value;
    }
    if (problemPatch.points !== undefined && problemPatch.points !== problem.points) edit.points = problemPatch.points;
    if (problemPatch.policy) {
      const policy = { ...problem.policy, ...stripUndefined(problemPatch.policy) };
      if (!sameJson(policy, problem.policy)) edit.policy = policy;
    }
    if (REVISION_FIELDS.some((field) => field in edit)) {
      const merged = {
        answer: edit.answer !== undefined ? edit.answer : problem.answer,
        referenceSteps: edit.referenceSteps ?? problem.referenceSteps,
      };
      edit.newRevision = { referenceStatus: initialReferenceStatus(merged, inference) };
    }
    if (Object.keys(edit).length > 1) problems.push(edit);
  }
  const title = patch.title !== undefined && patch.title !== current.title ? patch.title : undefined;
  return {
    assignmentId: current.id,
    title,
    grading: gradingSettingChanged ? grading : undefined,
    problems,
    gradingChanged: gradingSettingChanged || problems.length > 0,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
