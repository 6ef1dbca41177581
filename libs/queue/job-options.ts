import type { DefaultJobOptions } from 'bullmq';

/**
 * Bounded retention keeps Redis memory flat under sustained load; Postgres keeps the record.
 * Attempts with exponential backoff cover transient faults (a Postgres restart mid-job).
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 1_000, age: 3_600 },
  removeOnFail: { count: 5_000, age: 7 * 24 * 3_600 },
};
