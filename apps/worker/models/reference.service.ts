import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { ReferenceRepository, ReferenceWaitRepository } from '../../../libs/db/index.js';
import { verifyReference } from '../../../libs/grading/index.js';
import { type ModelProvider, ModelOutputError, type ReferenceResult } from '../../../libs/inference/index.js';
import { GradeQueueProducer } from '../../../libs/queue/index.js';

export type ReferenceOutcome = 'stale' | 'ready' | 'needs_review';

/**
 * Writes a problem's reference with a model, checks it with the CAS like student work, retries a
 * bounded number of times, then releases the parked submissions (an untrusted reference puts only
 * its own problem in review).
 */
@Injectable()
export class ReferenceService {
  private readonly logger = new Logger('References');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly references: ReferenceRepository,
    private readonly referenceWait: ReferenceWaitRepository,
    private readonly gradeProducer: GradeQueueProducer,
  ) {}

  async generate(provider: ModelProvider, problemId: string, revision: number): Promise<ReferenceOutcome> {
    const problem = await this.references.problem(problemId);
    if (!problem || problem.revision !== revision || problem.referenceStatus !== 'pending') return 'stale';
    const input = { problem: problem.statement, definitions: problem.definitions, answer: problem.answer };
    let lastReason = 'no attempt was made';
    let lastCandidate: ReferenceResult | null = null;
    for (let attempt = 1; attempt <= this.config.models.referenceAttempts; attempt++) {
      let candidate: ReferenceResult;
      try {
        candidate = await provider.generateReference(input);
      } catch (error) {
        // Unusable output is a failed attempt; an unreachable or unloadable model propagates.
        if (!(error instanceof ModelOutputError)) throw error;
        lastReason = `the model's output was unusable: ${error.message}`;
        continue;
      }
      lastCandidate = candidate;
      const verdict = verifyReference(
        { statement: problem.statement, definitions: problem.definitions, answer: problem.answer },
        candidate,
      );
      const common = {
        problemId,
        revision,
        model: candidate.model,
        promptVersion: candidate.promptVersion,
        steps: candidate.steps,
        finalAnswer: candidate.finalAnswer,
        reasoning: candidate.reasoning,
        attempts: attempt,
      };
      if (verdict.trusted) {
        if (await this.references.saveGenerated({ ...common, status: 'ready', reason: null }))
          await this.release(problem.assignmentId);
        return 'ready';
      }
      lastReason = verdict.reason ?? 'not trusted';
      this.logger.warn(`reference for problem ${problem.key} (attempt ${attempt}) not trusted: ${lastReason}`);
    }
    const reason = `not trusted after ${this.config.models.referenceAttempts} attempt(s): ${lastReason}`;
    const saved = lastCandidate
      ? await this.references.saveGenerated({
          problemId,
          revision,
          model: lastCandidate.model,
          promptVersion: lastCandidate.promptVersion,
          steps: lastCandidate.steps,
          finalAnswer: lastCandidate.finalAnswer,
          reasoning: lastCandidate.reasoning,
          attempts: this.config.models.referenceAttempts,
          status: 'needs_review',
          reason,
        })
      : await this.references.markNeedsReview(problemId, revision, reason);
    // The parked submissions are graded now: only this problem goes to review, with its reason.
    if (saved) await this.release(problem.assignmentId);
    return 'needs_review';
  }

  /** The model could not be reached or loaded for good, or no worker came in time. */
  async giveUp(problemId: string, revision: number, reason: string): Promise<void> {
    const problem = await this.references.problem(problemId);
    if (!problem) return;
    if (await this.references.markNeedsReview(problemId, revision, reason)) await this.release(problem.assignmentId);
  }

  async release(assignmentId: string): Promise<number> {
    const released = await this.referenceWait.release(assignmentId);
    await this.gradeProducer.enqueue(released.map((row) => ({ submissionId: row.id, version: row.version })));
    return released.length;
  }
}
