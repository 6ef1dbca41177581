import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/index.js';
import { GradeQueueProducer } from './grade-queue.producer.js';
import { ModelQueueProducer } from './model-queue.producer.js';
import { PoolStatsReader } from './pool-stats.reader.js';
import { WebhookQueueProducer } from './webhook-queue.producer.js';
import { DEFAULT_JOB_OPTIONS } from './job-options.js';
import { QueueErrorLogger } from './queue-error-logger.js';
import { QUEUES } from './queue-names.js';
import { createRedisConnection } from './redis-connection.js';

export const REDIS_PRODUCER = Symbol('REDIS_PRODUCER');

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS_PRODUCER) private readonly redis: Redis) {}
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/** Registers every queue for producers, with the prefix that keeps test suites apart. */
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    // One producer connection shared by every queue and the readiness probe.
    const connection = { provide: REDIS_PRODUCER, useValue: createRedisConnection(config.redisUrl, 'producer') };
    const bull = BullModule.forRootAsync({
      extraProviders: [connection],
      inject: [REDIS_PRODUCER],
      useFactory: (redis: Redis) => ({
        connection: redis,
        prefix: config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
        skipWaitingForReady: true,
      }),
    });
    const queues = BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name })));
    return {
      module: QueueModule,
      global: true,
      imports: [bull, queues],
      providers: [
        connection,
        GradeQueueProducer,
        ModelQueueProducer,
        PoolStatsReader,
        WebhookQueueProducer,
        RedisCloser,
        QueueErrorLogger,
      ],
      exports: [queues, GradeQueueProducer, ModelQueueProducer, PoolStatsReader, WebhookQueueProducer, REDIS_PRODUCER],
    };
  }
}
