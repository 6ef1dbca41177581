import { z } from 'zod';

// Payloads carry ids only: student text and secrets stay in Postgres.

export const JOB_NAMES = {
  gradeSubmission: 'grade-submission',
  reconcile: 'reconcile',
} as const;

export const gradeSubmissionPayload = z.object({
  submissionId: z.string().min(1),
  version: z.number().int().positive(),
});
export type GradeSubmissionPayload = z.infer<typeof gradeSubmissionPayload>;

export const reconcilePayload = z.object({});

/** Deterministic: a regrade (new version) is a new job, a replay of the same version is a no-op. */
export function gradeJobId(submissionId: string, version: number): string {
  return `${submissionId}-v${version}`;
}
