import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { QUEUE_POOL, QUEUES, type QueueKey } from '../../../libs/queue/index.js';
import { ApiMetrics } from '../../../libs/observability/index.js';

interface QueueReading {
  queue: string;
  pool: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  oldestWaitingAgeS: number;
}

const READ_TIMEOUT_MS = 2_000;
/** Several gauges are collected per scrape: they share one Redis reading. */
const READING_TTL_MS = 1_000;

/**
 * Queue depth and age per queue and pool, read from Redis at scrape time. The KEDA ScaledObjects in
 * deploy/k8s query stepgrade_queue_waiting and stepgrade_queue_active by these exact names and
 * labels ({queue="{grade}", pool="cpu"}). When Redis cannot be read the gauges are left empty and
 * stepgrade_queue_stats_up is 0, so a stale depth never drives scaling.
 */
@Injectable()
export class QueueDepthCollector implements OnModuleInit {
  private readonly logger = new Logger('Metrics');
  private reading: { at: number; values: Promise<QueueReading[] | null> } | undefined;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly metrics: ApiMetrics,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const labelNames = ['queue', 'pool'] as const;
    const gauge = (name: string, help: string, pick: (reading: QueueReading) => number) => {
      const collector = this;
      return new Gauge({
        name,
        help,
        labelNames,
        registers,
        async collect() {
          this.reset();
          for (const reading of (await collector.read()) ?? [])
            this.set({ queue: reading.queue, pool: reading.pool }, pick(reading));
        },
      });
    };
    gauge('stepgrade_queue_waiting', 'Jobs waiting (incl. prioritized) per queue', (reading) => reading.waiting);
    gauge('stepgrade_queue_active', 'Jobs being processed per queue', (reading) => reading.active);
    gauge(
      'stepgrade_queue_delayed',
      'Jobs delayed (retry backoff, scheduled webhook retries) per queue',
      (reading) => reading.delayed,
    );
    gauge(
      'stepgrade_queue_failed',
      'Jobs kept in the failed set (bounded retention) per queue',
      (reading) => reading.failed,
    );
    gauge(
      'stepgrade_queue_oldest_waiting_age_seconds',
      'Age of the oldest waiting job per queue (0 when none)',
      (reading) => reading.oldestWaitingAgeS,
    );
    const collector = this;
    new Gauge({
      name: 'stepgrade_queue_stats_up',
      help: '1 when the last scrape could read the queues from Redis',
      registers,
      async collect() {
        this.set((await collector.read()) ? 1 : 0);
      },
    });
  }

  private read(): Promise<QueueReading[] | null> {
    if (!this.reading || Date.now() - this.reading.at > READING_TTL_MS) {
      this.reading = { at: Date.now(), values: this.readAll() };
    }
    return this.reading.values;
  }

  private async readAll(): Promise<QueueReading[] | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
    });
    try {
      const keys = Object.keys(QUEUES) as QueueKey[];
      return await Promise.race([Promise.all(keys.map((key) => this.readQueue(key))), timeout]);
    } catch (error) {
      this.logger.warn(`queue gauges not collected: ${(error as Error).message}`);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private async readQueue(key: QueueKey): Promise<QueueReading> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(QUEUES[key]), { strict: false });
    const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
    const [oldest] = await queue.getJobs(['wait'], 0, 0, true);
    return {
      queue: QUEUES[key],
      pool: QUEUE_POOL[key],
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      oldestWaitingAgeS: oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0,
    };
  }
}
