import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ALL_POOLS, APP_CONFIG, type AppConfig, type PoolName } from '../../../libs/config/index.js';
import { PoolSettingRepository } from '../../../libs/db/index.js';
import { createRedisConnection, poolSettingsChannel } from '../../../libs/queue/index.js';
import { PoolRunner } from './pool-runner.service.js';

const POLL_MS = 5_000;

/**
 * Applies admin pool settings to this worker: pushed over Redis pub/sub for an immediate effect,
 * and re-read from Postgres every few seconds so a missed message (Redis restart) heals itself.
 */
@Injectable()
export class PoolSettingsWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PoolSettings');
  private subscriber: Redis | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: PoolSettingRepository,
    private readonly runner: PoolRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.subscriber = createRedisConnection(this.config.redisUrl, 'worker');
    this.subscriber.on('message', (_channel: string, message: string) => this.onMessage(message));
    await this.subscriber.subscribe(poolSettingsChannel(this.config.queuePrefix));
    this.timer = setInterval(() => {
      this.refresh().catch((error: Error) => this.logger.warn(`reading pool settings: ${error.message}`));
    }, POLL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.subscriber?.disconnect();
  }

  private onMessage(message: string): void {
    try {
      const change = JSON.parse(message) as { name: PoolName; concurrency: number };
      if (ALL_POOLS.includes(change.name) && Number.isInteger(change.concurrency))
        this.runner.applyConcurrency(change.name, change.concurrency);
    } catch (error) {
      this.logger.warn(`ignoring a malformed pool settings message: ${(error as Error).message}`);
    }
  }

  private async refresh(): Promise<void> {
    for (const setting of await this.settings.all()) {
      if ((ALL_POOLS as readonly string[]).includes(setting.name))
        this.runner.applyConcurrency(setting.name as PoolName, setting.concurrency);
    }
  }
}
