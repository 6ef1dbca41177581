import type { AssignmentRow } from '../../../libs/db/index.js';

/** The public shape of an assignment (API.md). */
export function presentAssignment(assignment: AssignmentRow) {
  return {
    id: assignment.id,
    orgId: assignment.orgId,
    title: assignment.title,
    externalId: assignment.externalId,
    grading: assignment.grading,
    createdAt: assignment.createdAt,
    updatedAt: assignment.updatedAt,
    problems: assignment.problems.map((problem) => ({
      id: problem.id,
      key: problem.key,
      statement: problem.statement,
      answer: problem.answer,
      referenceSteps: problem.referenceSteps,
      definitions: problem.definitions,
      points: problem.points,
      policy: problem.policy,
      revision: problem.revision,
      referenceStatus: problem.referenceStatus,
    })),
  };
}
