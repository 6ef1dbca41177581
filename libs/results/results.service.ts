import type {
  AnswerRow,
  OverrideInput,
  OverrideRepository,
  ResultRow,
  ResultRowsRepository,
  SettledRow,
  TxClient,
  WebhookOutboxNotifier,
} from '../db/index.js';
import { eventTypeFor, type OutboxEvent, outboxRowsFor } from './outbox-events.js';
import { overriddenVersion } from './override-version.js';

/** A graded result of one (submission, version), as the grader and overrides leave it. */
export interface GradedResult extends ResultRow {
  answers: AnswerRow[];
}

export interface SaveOutcome {
  /** False when this version was already written: a replayed job changes nothing. */
  written: boolean;
  /** Set when this result was the one that settled its batch. */
  completedBatchId: string | null;
}

/**
 * Owns the result transaction (ARCHITECTURE.md, Grade): what is written for a result, which events
 * follow, what a regrade race means and when a batch is complete. The repositories only read and
 * write rows.
 */
export class ResultsService {
  constructor(
    private readonly rows: ResultRowsRepository,
    /** Told after commit which outbox rows were written, so deliveries are enqueued at once. */
    private readonly outbox: WebhookOutboxNotifier,
    private readonly overrides: OverrideRepository,
  ) {}

  /**
   * Writes many results in one transaction, a few multi-row statements whatever their number. A
   * version written before is left alone (a replayed job writes nothing twice). A result whose
   * version a regrade has moved past is kept as history: the submission's current state and its
   * events belong to the newer version.
   */
  async saveResults(results: GradedResult[]): Promise<Map<string, SaveOutcome>> {
    const outcomes = new Map<string, SaveOutcome>(
      results.map((result) => [result.submissionId, { written: false, completedBatchId: null }]),
    );
    if (results.length === 0) return outcomes;
    const { current, eventIds } = await this.rows.transaction(async (client) => {
      const resultIds = await this.rows.insertResults(client, results);
      const written = results.filter((result) => resultIds.has(result.submissionId));
      for (const result of written) outcomes.set(result.submissionId, { written: true, completedBatchId: null });
      await this.rows.insertAnswers(
        client,
        written.flatMap((result) =>
          result.answers.map((answer) => ({ resultId: resultIds.get(result.submissionId)!, answer })),
        ),
      );
      const updated = await this.rows.updateSubmissions(client, written, { onlyUnsettled: false });
      const byId = new Map(written.map((result) => [result.submissionId, result]));
      const events = updated.map((row): OutboxEvent => {
        const result = byId.get(row.submissionId)!;
        return {
          orgId: row.orgId,
          type: eventTypeFor(result.status)!,
          submissionId: row.submissionId,
          resultVersion: result.version,
        };
      });
      return { current: updated, eventIds: await this.writeEvents(client, events) };
    });
    await this.outbox.committed(eventIds);
    await this.completeBatchesOf(current, outcomes);
    return outcomes;
  }

  /**
   * Records a teacher's override. On a settled submission it writes a new result version (the
   * current one with every override applied) and its events in one transaction, so
   * `submission.graded` goes out again with the higher version; on a submission being graded the
   * override is only stored and the grade job applies it (resultVersion null).
   */
  async recordOverride(input: OverrideInput): Promise<{ resultVersion: number | null }> {
    const { resultVersion, eventIds } = await this.rows.transaction(async (client) => {
      const submission = await this.overrides.lockSubmission(client, input.submissionId);
      if (!submission) throw new Error(`submission ${input.submissionId} not found`);
      await this.overrides.upsert(client, input);
      const nothing = { resultVersion: null, eventIds: [] as string[] };
      if (submission.status === 'queued' || submission.status === 'grading') return nothing;
      const current = await this.overrides.result(client, submission.id, submission.resultVersion);
      const next = overriddenVersion(
        submission,
        await this.overrides.forSubmission(client, submission.id),
        current,
        current ? [] : await this.overrides.problems(client, submission.assignmentId),
      );
      if (!next) return nothing;
      const row = { submissionId: submission.id, ...next };
      const resultIds = await this.rows.insertResults(client, [row]);
      const resultId = resultIds.get(submission.id)!;
      await this.rows.insertAnswers(
        client,
        next.answers.map((answer) => ({ resultId, answer })),
      );
      await this.rows.advanceVersion(client, row);
      // The same events as a grade job's result for this version.
      const event: OutboxEvent = {
        orgId: submission.orgId,
        type: eventTypeFor(next.status)!,
        submissionId: submission.id,
        resultVersion: next.version,
      };
      return { resultVersion: next.version, eventIds: await this.writeEvents(client, [event]) };
    });
    await this.outbox.committed(eventIds);
    return { resultVersion };
  }

  async markFailed(submissionId: string, version: number, reason: string): Promise<string | null> {
    return this.settleWithoutResult(submissionId, version, 'failed', reason);
  }

  /** needs_review without a result: nothing trustworthy to grade against yet. */
  async markNeedsReview(submissionId: string, version: number, reason: string): Promise<string | null> {
    return this.settleWithoutResult(submissionId, version, 'needs_review', reason);
  }

  /** Completes any of these batches that have settled (after submissions settled without a grade job). */
  async settleBatches(batchIds: (string | null)[]): Promise<string[]> {
    return this.completeBatches(batchIds.filter((id): id is string => id !== null));
  }

  /** Batches whose completion a crash lost; the reconciler completes them. */
  settledButOpenBatches(limit: number): Promise<string[]> {
    return this.rows.settledButOpenBatches(limit);
  }

  private async settleWithoutResult(
    submissionId: string,
    version: number,
    status: 'failed' | 'needs_review',
    reason: string,
  ): Promise<string | null> {
    const { settled, eventIds } = await this.rows.transaction(async (client) => {
      // Only a submission still queued or grading at this version: a settled one keeps its state.
      const [row] = await this.rows.updateSubmissions(
        client,
        [{ submissionId, version, status, statusReason: reason }],
        { onlyUnsettled: true },
      );
      const type = eventTypeFor(status);
      const events: OutboxEvent[] =
        row && type ? [{ orgId: row.orgId, type, submissionId, resultVersion: version }] : [];
      return { settled: row ?? null, eventIds: await this.writeEvents(client, events) };
    });
    if (!settled) return null;
    await this.outbox.committed(eventIds);
    return settled.batchId ? ((await this.completeBatches([settled.batchId]))[0] ?? null) : null;
  }

  /**
   * Checked after the results' commit, so the last writer of a batch always sees every other
   * result; once per chunk, for the batches its current results belong to.
   */
  private async completeBatchesOf(current: SettledRow[], outcomes: Map<string, SaveOutcome>): Promise<void> {
    const completed = new Set(
      await this.completeBatches(current.map((row) => row.batchId).filter((id) => id !== null)),
    );
    // One result of the chunk is named as the one that settled each batch.
    for (const row of current) {
      if (row.batchId && completed.delete(row.batchId))
        outcomes.set(row.submissionId, { written: true, completedBatchId: row.batchId });
    }
  }

  /**
   * Exactly one caller wins each batch's completed_at update, so batch.completed is recorded once,
   * in the same transaction as the completion.
   */
  private async completeBatches(batchIds: string[]): Promise<string[]> {
    if (batchIds.length === 0) return [];
    const { completed, eventIds } = await this.rows.transaction(async (client) => {
      const marked = await this.rows.completeSettledBatches(client, batchIds);
      const events = marked.map((batch): OutboxEvent => ({
        orgId: batch.orgId,
        type: 'batch.completed',
        batchId: batch.id,
      }));
      return { completed: marked.map((batch) => batch.id), eventIds: await this.writeEvents(client, events) };
    });
    await this.outbox.committed(eventIds);
    return completed;
  }

  private async writeEvents(client: TxClient, events: OutboxEvent[]): Promise<string[]> {
    if (events.length === 0) return [];
    const integrations = await this.rows.integrations(
      client,
      events.map((event) => event.orgId),
    );
    return this.rows.insertOutbox(client, outboxRowsFor(events, integrations));
  }
}
