import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { gradeJobId, JOB_NAMES } from './job-payloads.js';
import { QUEUES } from './queue-names.js';

const ENQUEUE_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Enqueues grade jobs after the submissions are committed to Postgres. */
@Injectable()
export class GradeQueueProducer {
  constructor(@InjectQueue(QUEUES.grade) private readonly queue: Queue) {}

  async enqueue(jobs: { submissionId: string; version: number }[]): Promise<void> {
    if (jobs.length === 0) return;
    const bulk = jobs.map((job) => ({
      name: JOB_NAMES.gradeSubmission,
      data: { submissionId: job.submissionId, version: job.version },
      opts: { jobId: gradeJobId(job.submissionId, job.version) },
    }));
    await withTimeout(this.queue.addBulk(bulk), ENQUEUE_TIMEOUT_MS);
  }
}
