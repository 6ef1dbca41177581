import type { Job } from 'bullmq';

/** What a processor gives the pool runner: the job work, and what to do when retries are spent. */
export interface JobHandler {
  process(job: Job): Promise<unknown>;
  onFinalFailure?(job: Job, error: Error): Promise<void>;
  /**
   * Jobs taken per unit of pool concurrency (default 1): a handler that handles jobs in chunks
   * takes a chunk's worth per unit, so one unit keeps one chunk in flight.
   */
  jobsPerSlot?: number;
}
