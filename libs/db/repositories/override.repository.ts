import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../database.js';
import { newId } from '../ids.js';
import { writeAnswerResults } from './answer-results.writer.js';
import { allAnswersSettled, applyOverrides, type OverrideValue } from './override-merge.js';
import { recordOutboxEvents, WebhookOutboxNotifier } from './webhook-event-outbox.js';

export interface OverrideInput {
  submissionId: string;
  problemKey: string;
  score: number;
  comment: string;
  by: string;
}

/** What recording an override did: the new result version, or null when a grade job will apply it. */
export interface OverrideOutcome {
  resultVersion: number | null;
}

interface LockedSubmission {
  id: string;
  org_id: string;
  assignment_id: string;
  status: string;
  status_reason: string | null;
  result_version: number;
  answers: { problemKey: string; steps: string[] }[];
}

type StoredAnswer = Prisma.AnswerResultGetPayload<object>;

/** A result row for a problem that was never graded automatically (its reference was not trusted). */
function ungradedAnswer(problem: { key: string; points: number }, steps: string[]) {
  return {
    problemKey: problem.key,
    score: 0,
    maxScore: problem.points,
    finalAnswer: { given: null, expected: null, verdict: steps.length === 0 ? 'missing' : 'unverified', parts: [] },
    firstErrorStep: null,
    steps: steps.map((text, index) => ({
      index,
      text,
      verdict: 'unverified',
      method: 'none',
      reason: 'not graded automatically',
      matchesReferenceStep: null,
    })),
    skippedReferenceSteps: [] as number[],
    feedback:
      steps.length === 0 ? 'This problem was not answered.' : 'Not graded automatically; see the teacher override.',
  };
}

/**
 * Teacher overrides. Recording one on a settled submission writes a new result version (a copy of
 * the current one with every override applied) and its outbox events in one transaction, so
 * `submission.graded` goes out again with the higher version. On a submission being graded the
 * override is only stored: the grade job applies it.
 */
export class OverrideRepository {
  constructor(
    private readonly prisma: Db,
    private readonly outbox: WebhookOutboxNotifier = new WebhookOutboxNotifier(),
  ) {}

  async listForSubmission(submissionId: string): Promise<OverrideValue[]> {
    return this.prisma.override.findMany({
      where: { submissionId },
      orderBy: { problemKey: 'asc' },
      select: { problemKey: true, score: true, comment: true, by: true, at: true },
    });
  }

  async record(input: OverrideInput): Promise<OverrideOutcome> {
    const outcome = await this.prisma.$transaction(async (tx) => {
      const [submission] = await tx.$queryRaw<LockedSubmission[]>`
        SELECT id, org_id, assignment_id, status::text AS status, status_reason, result_version, answers
        FROM submissions WHERE id = ${input.submissionId} FOR UPDATE`;
      if (!submission) throw new Error(`submission ${input.submissionId} not found`);
      const fields = { score: input.score, comment: input.comment, by: input.by, at: new Date() };
      await tx.override.upsert({
        where: { submissionId_problemKey: { submissionId: input.submissionId, problemKey: input.problemKey } },
        create: { id: newId(), submissionId: input.submissionId, problemKey: input.problemKey, ...fields },
        update: fields,
      });
      if (submission.status === 'queued' || submission.status === 'grading')
        return { resultVersion: null, eventIds: [] as string[] };
      return this.writeOverriddenVersion(tx, submission);
    });
    await this.outbox.committed(outcome.eventIds);
    return { resultVersion: outcome.resultVersion };
  }

  private async writeOverriddenVersion(tx: Prisma.TransactionClient, submission: LockedSubmission) {
    const overrides = await tx.override.findMany({ where: { submissionId: submission.id } });
    const overriddenKeys = new Set(overrides.map((override) => override.problemKey));
    const current = await tx.submissionResult.findUnique({
      where: { submissionId_version: { submissionId: submission.id, version: submission.result_version } },
      include: { answers: true },
    });
    let baseAnswers: Omit<StoredAnswer, 'id' | 'resultId'>[];
    if (current) {
      baseAnswers = current.answers;
    } else {
      // No result to copy (needs_review or failed before grading): only a fully overridden
      // submission can be settled; otherwise the override waits for grading or more overrides.
      const problems = await tx.problem.findMany({
        where: { assignmentId: submission.assignment_id },
        orderBy: { position: 'asc' },
        select: { key: true, points: true },
      });
      const submitted = new Map(submission.answers.map((answer) => [answer.problemKey, answer.steps]));
      const unsettled = problems.filter(
        (problem) => (submitted.get(problem.key)?.length ?? 0) > 0 && !overriddenKeys.has(problem.key),
      );
      if (unsettled.length > 0) return { resultVersion: null, eventIds: [] as string[] };
      baseAnswers = problems.map((problem) => ungradedAnswer(problem, submitted.get(problem.key) ?? []));
    }
    const merged = applyOverrides(baseAnswers as ((typeof baseAnswers)[number] & { steps: unknown[] })[], overrides);
    const settled = allAnswersSettled(
      merged.answers as { problemKey: string; score: number; steps: unknown[] }[],
      current?.status ?? 'needs_review',
      overriddenKeys,
    );
    const status = settled ? 'graded' : 'needs_review';
    const statusReason = settled ? null : (current?.statusReason ?? submission.status_reason);
    const maxScore = Math.round(merged.answers.reduce((sum, answer) => sum + answer.maxScore, 0) * 100) / 100;
    const version = submission.result_version + 1;
    const resultId = newId();
    await tx.submissionResult.create({
      data: { id: resultId, submissionId: submission.id, version, status, statusReason, score: merged.score, maxScore },
    });
    await writeAnswerResults(tx, resultId, merged.answers);
    await tx.submission.update({
      where: { id: submission.id },
      data: {
        resultVersion: version,
        status,
        statusReason,
        score: merged.score,
        maxScore,
        updatedAt: new Date(),
        ...(current ? {} : { gradedAt: new Date() }),
      },
    });
    // The same outbox path as a grade job's result (grading-result.repository.ts).
    const eventIds = await recordOutboxEvents(tx, {
      orgId: submission.org_id,
      type: status === 'graded' ? 'submission.graded' : 'submission.needs_review',
      submissionId: submission.id,
      resultVersion: version,
    });
    return { resultVersion: version, eventIds };
  }
}
