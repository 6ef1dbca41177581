import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ALL_POOLS, APP_CONFIG, type AppConfig, type PoolName } from '../../../libs/config/index.js';
import { PoolSettingRepository } from '../../../libs/db/index.js';
import { poolSettingsChannel, PoolStatsReader, REDIS_PRODUCER } from '../../../libs/queue/index.js';

/** Pool views and live controls for admins: settings in Postgres, applied by workers at once. */
@Injectable()
export class PoolAdminService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
    private readonly settings: PoolSettingRepository,
    private readonly stats: PoolStatsReader,
  ) {}

  async list() {
    const stored = new Map((await this.settings.all()).map((setting) => [setting.name, setting]));
    return Promise.all(ALL_POOLS.map(async (name) => this.present(name, stored.get(name)?.concurrency)));
  }

  async update(name: PoolName, change: { concurrency?: number; paused?: boolean }) {
    const current = (await this.settings.all()).find((setting) => setting.name === name);
    const concurrency = change.concurrency ?? current?.concurrency ?? this.config.pools.concurrency[name];
    const paused = change.paused ?? current?.paused ?? false;
    await this.settings.upsert(name, { concurrency, paused });
    if (change.paused !== undefined) {
      // A queue-level pause holds every worker of the pool, on every machine.
      await Promise.all(this.stats.queues(name).map((queue) => (change.paused ? queue.pause() : queue.resume())));
    }
    await this.redis.publish(
      poolSettingsChannel(this.config.queuePrefix),
      JSON.stringify({ name, concurrency, paused }),
    );
    return this.present(name, concurrency);
  }

  private async present(name: PoolName, storedConcurrency: number | undefined) {
    const stats = await this.stats.read(name);
    return { name, concurrency: storedConcurrency ?? this.config.pools.concurrency[name], ...stats };
  }
}
