import { z } from 'zod';

// The shapes of the JSON columns the grading path reads and writes, checked at the boundary so a
// malformed row fails loudly where it is read, not deep inside the grader. The API's DTOs and the
// public result shape use the same schemas (libs/results).

/** submissions.answers: the student's work as accepted by the API. */
export const submittedAnswersColumn = z.array(z.object({ problemKey: z.string(), steps: z.array(z.string()) }));
export type SubmittedAnswers = z.infer<typeof submittedAnswersColumn>;

/** assignments.grading. */
export const gradingSettingsColumn = z
  .object({
    inference: z.enum(['none', 'auto', 'gpu', 'edge']).optional(),
    reviewUnverified: z.boolean().optional(),
  })
  .loose();
export type GradingSettings = z.infer<typeof gradingSettingsColumn>;

/** problems.reference_steps: strings or {text, required}. */
export const referenceStepsColumn = z.array(
  z.union([z.string(), z.object({ text: z.string(), required: z.boolean().optional() })]),
);

/** problems.definitions. */
export const definitionsColumn = z.record(z.string(), z.string());

/** problems.policy: the grading policy (its fields are the grader's; only the object shape is checked). */
export const policyColumn = z.record(z.string(), z.unknown());

/** references.steps: a model-written solution. */
export const modelStepsColumn = z.array(z.string());

/** answer_results.steps: one verdict per step. */
export const stepResultsColumn = z.array(
  z
    .object({
      index: z.number().int(),
      text: z.string(),
      verdict: z.enum(['correct', 'incorrect', 'carried_error', 'unverified']),
      method: z.string(),
      reason: z.string().nullable().optional(),
      /** Where in `text` the deciding claim was written (UTF-16 offsets, end exclusive); absent on older rows. */
      span: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
    })
    .loose(),
);

/** answer_results.final_answer. */
export const finalAnswerColumn = z
  .object({
    given: z.string().nullable(),
    expected: z.string().nullable(),
    verdict: z.enum(['correct', 'incorrect', 'missing', 'unverified']),
  })
  .loose();

/** answer_results.skipped_reference_steps. */
export const skippedReferenceStepsColumn = z.array(z.number().int());

/** Parses a column value, naming the column and row when it does not have its shape. */
export function parseColumn<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${where} does not have its stored shape: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
}
