import { Injectable, Logger } from '@nestjs/common';
import { JudgementRepository, ReferenceWaitRepository } from '../../../libs/db/index.js';
import type { ModelProvider } from '../../../libs/inference/index.js';
import { GradeQueueProducer } from '../../../libs/queue/index.js';

/** Asks a model about one prose step, stores the answer once, and releases waiting submissions. */
@Injectable()
export class JudgementService {
  private readonly logger = new Logger('Judgements');

  constructor(
    private readonly judgements: JudgementRepository,
    private readonly referenceWait: ReferenceWaitRepository,
    private readonly gradeProducer: GradeQueueProducer,
  ) {}

  async judge(provider: ModelProvider, judgementId: string): Promise<'stale' | 'done'> {
    const judgement = await this.judgements.load(judgementId);
    if (!judgement || judgement.status !== 'pending') return 'stale';
    const reference = (judgement.referenceSteps as unknown[]).map((step) =>
      typeof step === 'string' ? step : String((step as { text?: string }).text ?? ''),
    );
    const result = await provider.judgeStep({
      problem: judgement.statement,
      precedingSteps: judgement.precedingSteps,
      step: judgement.stepText,
      ...(reference.length > 0 ? { reference } : {}),
    });
    await this.judgements.finish(judgementId, {
      status: 'done',
      verdict: result.verdict,
      reason: result.reason,
      model: result.model,
      reasoning: result.reasoning,
    });
    await this.release(judgement.assignmentId);
    return 'done';
  }

  /** A judgement that could not be made: the submissions that need it go to needs_review. */
  async giveUp(judgementId: string, reason: string): Promise<void> {
    const judgement = await this.judgements.load(judgementId);
    if (!judgement) return;
    if (await this.judgements.finish(judgementId, { status: 'failed', reason })) {
      this.logger.warn(`judgement ${judgementId} failed for good: ${reason}`);
      await this.release(judgement.assignmentId);
    }
  }

  async release(assignmentId: string): Promise<number> {
    const released = await this.referenceWait.releaseJudged(assignmentId);
    await this.gradeProducer.enqueue(released.map((row) => ({ submissionId: row.id, version: row.version })));
    return released.length;
  }
}
