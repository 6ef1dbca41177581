import { z } from 'zod';

// Limits from API.md's Configuration section.
export const LIMITS = { problemsPerAssignment: 100, stepsPerAnswer: 200, charsPerStep: 2_000 } as const;

const problemKey = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\s:]+$/, 'keys have no spaces or colons');
const stepText = z.string().max(LIMITS.charsPerStep);

const policySchema = z
  .object({
    answerWeight: z.number().min(0).max(1).default(0.5),
    errorCarriedForward: z.boolean().default(true),
    relativeTolerance: z.number().min(0).max(1).default(1e-6),
    acceptRoundedTo: z.number().int().min(0).max(15).nullable().default(null),
    missingRequiredStepPenalty: z.number().min(0).max(1).default(0),
  })
  .default({
    answerWeight: 0.5,
    errorCarriedForward: true,
    relativeTolerance: 1e-6,
    acceptRoundedTo: null,
    missingRequiredStepPenalty: 0,
  });

const referenceStep = z.union([stepText, z.object({ text: stepText, required: z.boolean().default(false) })]);

export const problemSchema = z.object({
  key: problemKey,
  statement: z.string().trim().min(1).max(20_000),
  answer: z.string().max(LIMITS.charsPerStep).nullable().optional(),
  referenceSteps: z.array(referenceStep).max(LIMITS.stepsPerAnswer).default([]),
  definitions: z.record(z.string().max(200), z.string().max(LIMITS.charsPerStep)).default({}),
  points: z.number().positive().max(1_000_000).default(10),
  policy: policySchema,
});

export const gradingSchema = z
  .object({
    inference: z.enum(['none', 'auto', 'gpu', 'edge']).default('auto'),
    reviewUnverified: z.boolean().default(false),
  })
  .default({ inference: 'auto', reviewUnverified: false });

export const createAssignmentBody = z.object({
  orgId: z.string().max(64).optional(),
  title: z.string().trim().min(1).max(500),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  grading: gradingSchema,
  problems: z
    .array(problemSchema)
    .min(1)
    .max(LIMITS.problemsPerAssignment)
    .refine(
      (problems) => new Set(problems.map((problem) => problem.key)).size === problems.length,
      'problem keys must be unique',
    ),
});

export type CreateAssignmentBody = z.infer<typeof createAssignmentBody>;
