import { availableParallelism } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createCasSandbox, type CasSandbox, PoolBusyError } from '../../../libs/cas-sandbox/index.js';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { ApiError } from '../common/api-error.js';

const TOOL_DEADLINE_MS = 2_000;
/** Waiting calls one organization may have per thread of the pool; more is refused with 429. */
const QUEUED_PER_THREAD = 2;

/**
 * The /v1/tools checks run in worker threads with a deadline: a synchronous CAS call cannot be
 * interrupted, so a runaway is stopped by terminating its thread, never by blocking the API.
 * The pool is sized to the cores (at least two); each organization is a lane that may hold all
 * threads but one, so another organization's call always finds a thread soon, and a bounded queue.
 */
@Injectable()
export class ToolsSandbox implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly sandbox: CasSandbox;
  readonly size: number;

  constructor(@Inject(APP_CONFIG) _config: AppConfig) {
    this.size = Math.max(2, availableParallelism());
    this.sandbox = createCasSandbox({
      size: this.size,
      timeoutMs: TOOL_DEADLINE_MS,
      maxRunningPerLane: this.size - 1,
      maxQueuedPerLane: QUEUED_PER_THREAD * this.size,
    });
  }

  /** Loads the CAS into every thread now, so no request pays for it (or waits behind a flood for it). */
  onApplicationBootstrap(): void {
    this.sandbox.prestart();
    this.sandbox
      .checkAnswer({ expected: '1', given: '1' })
      .catch((error: Error) => new Logger('ToolsSandbox').warn(`warm-up failed: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sandbox.close();
  }
}

/** A full lane is the caller's to slow down: 429 with Retry-After, in the contract's shape. */
export async function refuseWhenBusy<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof PoolBusyError)) throw error;
    throw new ApiError(
      429,
      'rate_limited',
      `too many tool calls in progress for this organization; retry after ${error.retryAfterS} s`,
      undefined,
      { 'retry-after': String(error.retryAfterS) },
    );
  }
}
