import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { PoolName } from '../config/index.js';
import { POOL_QUEUES, QUEUES } from './queue-names.js';

export interface PoolStats {
  workers: number;
  paused: boolean;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completedLastMinute: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

const RECENT_JOBS = 500;

function percentile(sorted: number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/** Reads a pool's live numbers from its queues (BullMQ keeps the recent completed jobs). */
@Injectable()
export class PoolStatsReader {
  constructor(private readonly moduleRef: ModuleRef) {}

  queues(pool: PoolName): Queue[] {
    return POOL_QUEUES[pool].map((key) => this.moduleRef.get<Queue>(getQueueToken(QUEUES[key]), { strict: false }));
  }

  async read(pool: PoolName): Promise<PoolStats> {
    const queues = this.queues(pool);
    const [primary] = queues;
    const counts = await Promise.all(
      queues.map((queue) => queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized')),
    );
    const sum = (key: string) => counts.reduce((total, count) => total + (count[key] ?? 0), 0);
    const since = Date.now() - 60_000;
    const recent = (await primary!.getJobs(['completed'], 0, RECENT_JOBS - 1)).filter(
      (job) => (job.finishedOn ?? 0) >= since,
    );
    const durations = recent
      .map((job) => (job.finishedOn ?? 0) - (job.processedOn ?? 0))
      .sort((left, right) => left - right);
    return {
      workers: await primary!.getWorkersCount(),
      paused: await primary!.isPaused(),
      waiting: sum('waiting') + sum('prioritized'),
      active: sum('active'),
      delayed: sum('delayed'),
      failed: sum('failed'),
      completedLastMinute: recent.length,
      p50Ms: percentile(durations, 0.5),
      p95Ms: percentile(durations, 0.95),
    };
  }
}
