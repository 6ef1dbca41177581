import { z } from 'zod';

// Payloads carry ids only: student text and secrets stay in Postgres.

export const JOB_NAMES = {
  gradeSubmission: 'grade-submission',
  reconcile: 'reconcile',
  deliverWebhook: 'deliver-webhook',
  generateReference: 'generate-reference',
  judgeStep: 'judge-step',
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

export const generateReferencePayload = z.object({
  problemId: z.string().min(1),
  revision: z.number().int().positive(),
});
export type GenerateReferencePayload = z.infer<typeof generateReferencePayload>;

/** One generation per problem revision, however many submissions wait for it. */
export function referenceJobId(problemId: string, revision: number): string {
  return `ref-${problemId}-r${revision}`;
}

export const deliverWebhookPayload = z.object({
  eventId: z.string().min(1),
  /** Attempts recorded when the job was made; a job whose count is out of date does nothing. */
  attempt: z.number().int().min(0),
});
export type DeliverWebhookPayload = z.infer<typeof deliverWebhookPayload>;

/**
 * One job per (event, attempt): a retry or redelivery is a new job, while the reconciler
 * re-adding a job that still exists is a no-op.
 */
export function webhookJobId(eventId: string, attempt: number): string {
  return `${eventId}-a${attempt}`;
}

export const judgeStepPayload = z.object({ judgementId: z.string().min(1) });
export type JudgeStepPayload = z.infer<typeof judgeStepPayload>;

/** One job per distinct judgement, however many submissions contain the step. */
export function judgementJobId(judgementId: string): string {
  return `judge-${judgementId}`;
}
