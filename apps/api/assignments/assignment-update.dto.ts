import { z } from 'zod';
import { LIMITS, problemSchema } from './assignment.dto.js';

// PATCH /v1/assignments/:id: every field optional; problems are matched by key (none added or
// removed); policy and grading are merged into what is stored.
const policyPatch = z.object({
  answerWeight: z.number().min(0).max(1).optional(),
  errorCarriedForward: z.boolean().optional(),
  relativeTolerance: z.number().min(0).max(1).optional(),
  acceptRoundedTo: z.number().int().min(0).max(15).nullable().optional(),
  missingRequiredStepPenalty: z.number().min(0).max(1).optional(),
});

const problemPatch = z.object({
  key: problemSchema.shape.key,
  statement: problemSchema.shape.statement.optional(),
  answer: problemSchema.shape.answer,
  referenceSteps: problemSchema.shape.referenceSteps.unwrap().optional(),
  definitions: problemSchema.shape.definitions.unwrap().optional(),
  points: problemSchema.shape.points.unwrap().optional(),
  policy: policyPatch.optional(),
});

export const updateAssignmentBody = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  grading: z
    .object({ inference: z.enum(['none', 'auto', 'gpu', 'edge']).optional(), reviewUnverified: z.boolean().optional() })
    .optional(),
  problems: z
    .array(problemPatch)
    .max(LIMITS.problemsPerAssignment)
    .refine(
      (problems) => new Set(problems.map((problem) => problem.key)).size === problems.length,
      'problem keys must be unique',
    )
    .optional(),
});

export type UpdateAssignmentBody = z.infer<typeof updateAssignmentBody>;
export type ProblemPatch = z.infer<typeof problemPatch>;
