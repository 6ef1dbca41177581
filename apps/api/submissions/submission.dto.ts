import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { NewSubmission } from '../../../libs/db/index.js';
import { LIMITS } from '../assignments/assignment.dto.js';
import { storableText } from '../common/storable-text.js';

export const BATCH_LIMIT = 10_000;

const answerSchema = z
  .object({
    problemKey: storableText().min(1).max(100),
    steps: z.array(storableText().max(LIMITS.charsPerStep)).max(LIMITS.stepsPerAnswer).optional(),
    text: storableText()
      .max(LIMITS.charsPerStep * LIMITS.stepsPerAnswer)
      .optional(),
  })
  .refine((answer) => (answer.steps === undefined) !== (answer.text === undefined), 'give either steps or text');

export const submissionSchema = z.object({
  studentId: storableText().trim().min(1).max(200),
  externalId: storableText().trim().min(1).max(200).nullable().optional(),
  answers: z.array(answerSchema).min(1).max(LIMITS.problemsPerAssignment),
});
export type SubmissionBody = z.infer<typeof submissionSchema>;

export const batchBody = z.object({ submissions: z.array(z.unknown()).min(1).max(BATCH_LIMIT) });

/** One step per non-empty line when the answer came as one text. */
function stepsOf(answer: { steps?: string[] | undefined; text?: string | undefined }): string[] {
  if (answer.steps) return answer.steps;
  return (answer.text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export type Normalized = { ok: true; submission: NewSubmission } | { ok: false; code: string; message: string };

/**
 * Validates one submission against the assignment's problem keys and step limits, and computes
 * its content hash (what decides replay versus conflict for a repeated externalId).
 */
export function normalizeSubmission(raw: unknown, problemKeys: Set<string>): Normalized {
  const parsed = submissionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, code: 'invalid_content', message: `${issue.path.join('.') || 'submission'}: ${issue.message}` };
  }
  const answers = parsed.data.answers.map((answer) => ({ problemKey: answer.problemKey, steps: stepsOf(answer) }));
  for (const answer of answers) {
    if (!problemKeys.has(answer.problemKey))
      return { ok: false, code: 'unknown_problem', message: `no problem with key ${answer.problemKey}` };
    if (answer.steps.length > LIMITS.stepsPerAnswer)
      return { ok: false, code: 'invalid_content', message: `more than ${LIMITS.stepsPerAnswer} steps` };
    if (answer.steps.some((step) => step.length > LIMITS.charsPerStep))
      return { ok: false, code: 'invalid_content', message: `a step is longer than ${LIMITS.charsPerStep} characters` };
  }
  if (new Set(answers.map((answer) => answer.problemKey)).size !== answers.length) {
    return { ok: false, code: 'invalid_content', message: 'each problem may be answered once per submission' };
  }
  const contentHash = createHash('sha256')
    .update(JSON.stringify({ studentId: parsed.data.studentId, answers }))
    .digest('hex');
  return {
    ok: true,
    submission: { studentId: parsed.data.studentId, externalId: parsed.data.externalId ?? null, answers, contentHash },
  };
}
