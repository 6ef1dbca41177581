import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QUEUES } from './queue-names.js';

/**
 * A queue emits 'error' when Redis goes away; with no listener Node would crash the process.
 * Producers log it and carry on: submissions are already safe in Postgres.
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('Queues');
  private lastLogged = 0;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QUEUES)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error: Error) => {
        // One line every few seconds is enough while Redis is down.
        if (Date.now() - this.lastLogged < 5_000) return;
        this.lastLogged = Date.now();
        this.logger.warn(`queue ${name}: ${error.message}`);
      });
    }
  }
}
