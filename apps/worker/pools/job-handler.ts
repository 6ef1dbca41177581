import type { Job } from 'bullmq';

/** What a processor gives the pool runner: the job work, and what to do when retries are spent. */
export interface JobHandler {
  process(job: Job): Promise<unknown>;
  onFinalFailure?(job: Job, error: Error): Promise<void>;
}
