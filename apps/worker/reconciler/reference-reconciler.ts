import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import {
  AssignmentRepository,
  JudgementRepository,
  ReferenceRepository,
  ReferenceWaitRepository,
} from '../../../libs/db/index.js';
import {
  allowedPools,
  GradeQueueProducer,
  type InferenceSetting,
  ModelQueueProducer,
  modelsUsable,
} from '../../../libs/queue/index.js';
import { JudgementService } from '../models/judgement.service.js';
import { ReferenceService } from '../models/reference.service.js';

/**
 * Keeps model-written references moving: re-sends lost jobs, moves a job to another allowed pool
 * when its pool has no live worker, and after STEPGRADE_MODEL_WAIT_S with no worker of a pinned
 * pool sends the problem to needs_review, so batches always settle. Under `auto` with no live
 * model pool nothing waits: parked work is released to grade CAS-only.
 */
@Injectable()
export class ReferenceReconciler {
  private readonly logger = new Logger('ReferenceReconciler');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly references: ReferenceRepository,
    private readonly referenceWait: ReferenceWaitRepository,
    private readonly modelProducer: ModelQueueProducer,
    private readonly referenceService: ReferenceService,
    private readonly judgements: JudgementRepository,
    private readonly judgementService: JudgementService,
    private readonly assignments: AssignmentRepository,
    private readonly gradeProducer: GradeQueueProducer,
  ) {}

  async reconcileOnce(): Promise<number> {
    let actions = 0;
    const pending = await this.references.pendingOlderThan(new Date(Date.now() + 1_000));
    const waitLimit = Date.now() - this.config.models.waitS * 1000;
    const state = pending.length > 0 ? await this.modelProducer.poolState() : null;
    for (const problem of pending) {
      const inference = problem.inference as InferenceSetting;
      const job = await this.modelProducer.findReferenceJob(problem.id, problem.revision);
      if (!job || job.state === 'failed' || job.state === 'completed') {
        if (job) await this.modelProducer.removeReferenceJob(job.pool, problem.id, problem.revision);
        await this.modelProducer.enqueueReference(problem.id, problem.revision, inference);
        actions++;
        continue;
      }
      if (job.state === 'active' || problem.pendingSince.getTime() > waitLimit) continue;
      const liveWorkers = { gpu: state!.gpuWorkers, edge: state!.edgeWorkers };
      if (liveWorkers[job.pool] > 0) continue;
      // `auto` never waits for a pool nobody started: grading goes on CAS-only and the job stays
      // queued, so a pool started later writes the reference (then a regrade uses it).
      if (!modelsUsable(inference, state!)) continue;
      const alternative = allowedPools(inference).find((pool) => pool !== job.pool && liveWorkers[pool] > 0);
      if (alternative) {
        await this.modelProducer.removeReferenceJob(job.pool, problem.id, problem.revision);
        await this.modelProducer.enqueueReference(problem.id, problem.revision, alternative);
        this.logger.log(`moved the reference job of problem ${problem.id} from ${job.pool} to ${alternative}`);
      } else {
        await this.modelProducer.removeReferenceJob(job.pool, problem.id, problem.revision);
        const pools = allowedPools(inference).join(' or ');
        await this.referenceService.giveUp(
          problem.id,
          problem.revision,
          `no ${pools} worker was available within ${this.config.models.waitS} s`,
        );
      }
      actions++;
    }
    actions += await this.reconcileJudgements();
    const parked = await this.referenceWait.assignmentsWithParked();
    const noModelPool = parked.length > 0 && !modelsUsable('auto', await this.modelProducer.poolState());
    for (const assignmentId of parked) {
      actions += await this.referenceService.release(assignmentId);
      actions += await this.judgementService.release(assignmentId);
      if (noModelPool) actions += await this.releaseUnderAuto(assignmentId);
    }
    return actions;
  }

  /** Work parked while a model pool was alive is graded CAS-only once none is (auto only). */
  private async releaseUnderAuto(assignmentId: string): Promise<number> {
    const assignment = await this.assignments.findById(assignmentId, null);
    if (!assignment || (assignment.grading.inference ?? 'auto') !== 'auto') return 0;
    const released = await this.referenceWait.releaseAll(assignmentId);
    await this.gradeProducer.enqueue(released.map((row) => ({ submissionId: row.id, version: row.version })));
    return released.length;
  }

  /** The same rules for step judgements: re-send lost jobs, give up after the model wait. */
  private async reconcileJudgements(): Promise<number> {
    let actions = 0;
    const pending = await this.judgements.pending(500);
    if (pending.length === 0) return 0;
    const state = await this.modelProducer.poolState();
    const waitLimit = Date.now() - this.config.models.waitS * 1000;
    for (const judgement of pending) {
      const inference = judgement.inference as InferenceSetting;
      const job = await this.modelProducer.findJudgementJob(judgement.id);
      if (!job || job.state === 'completed' || job.state === 'failed') {
        if (!job) {
          await this.modelProducer.enqueueJudgement(judgement.id, inference);
          actions++;
        }
        continue;
      }
      if (job.state === 'active' || judgement.createdAt.getTime() > waitLimit) continue;
      const liveWorkers = { gpu: state.gpuWorkers, edge: state.edgeWorkers };
      if (allowedPools(inference).some((pool) => liveWorkers[pool] > 0)) continue;
      if (!modelsUsable(inference, state)) continue; // auto: see above; the submissions grade CAS-only

      await this.judgementService.giveUp(
        judgement.id,
        `no ${allowedPools(inference).join(' or ')} worker was available within ${this.config.models.waitS} s`,
      );
      actions++;
    }
    return actions;
  }
}
