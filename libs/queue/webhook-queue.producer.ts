import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOB_NAMES, webhookJobId } from './job-payloads.js';
import { QUEUES } from './queue-names.js';

const ENQUEUE_TIMEOUT_MS = 2_000;

export interface WebhookJob {
  eventId: string;
  /** Attempts already recorded on the event. */
  attempt: number;
  delayMs?: number;
  /** A manual redelivery gets its own job id, so a retry already waiting hours ahead does not absorb it. */
  redeliveryOf?: number;
}

/** Enqueues webhook delivery jobs after their outbox rows are committed. */
@Injectable()
export class WebhookQueueProducer {
  constructor(@InjectQueue(QUEUES.webhooks) private readonly queue: Queue) {}

  async enqueue(jobs: WebhookJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const bulk = jobs.map((job) => ({
      name: JOB_NAMES.deliverWebhook,
      data: { eventId: job.eventId, attempt: job.attempt },
      opts: {
        jobId:
          job.redeliveryOf === undefined
            ? webhookJobId(job.eventId, job.attempt)
            : `${webhookJobId(job.eventId, job.attempt)}-r${job.redeliveryOf}`,
        ...(job.delayMs ? { delay: job.delayMs } : {}),
      },
    }));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)),
        ENQUEUE_TIMEOUT_MS,
      );
    });
    await Promise.race([this.queue.addBulk(bulk), timeout]).finally(() => clearTimeout(timer));
  }
}
