import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { ReferenceRepository, ReferenceWaitRepository } from '../../../libs/db/index.js';
import { allowedPools, type InferenceSetting, ModelQueueProducer } from '../../../libs/queue/index.js';
import { ReferenceService } from '../models/reference.service.js';

/**
 * Keeps model-written references moving: re-sends lost jobs, moves a job to another allowed pool
 * when its pool has no live worker, and after STEPGRADE_MODEL_WAIT_S with no worker at all sends
 * the problem (and its waiting submissions) to needs_review, so batches always settle.
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
      const alternative = allowedPools(inference).find((pool) => pool !== job.pool && liveWorkers[pool] > 0);
      if (alternative) {
        await this.modelProducer.removeReferenceJob(job.pool, problem.id, problem.revision);
        await this.modelProducer.enqueueReference(problem.id, problem.revision, alternative);
        this.logger.log(`moved the reference job of problem ${problem.id} from ${job.pool} to ${alternative}`);
      } else {
        await this.modelProducer.removeReferenceJob(job.pool, problem.id, problem.revision);
        const pools = allowedPools(inference).join(' or ');
        await this.referenceService.giveUp(problem.id, problem.revision, `no ${pools} worker was available within ${this.config.models.waitS} s`);
      }
      actions++;
    }
    for (const assignmentId of await this.referenceWait.assignmentsWithParked()) {
      actions += await this.referenceService.release(assignmentId);
    }
    return actions;
  }
}
