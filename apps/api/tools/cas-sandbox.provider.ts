import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createCasSandbox, type CasSandbox } from '../../../libs/cas-sandbox/index.js';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';

const TOOL_DEADLINE_MS = 2_000;

/**
 * The /v1/tools checks run in worker threads with a deadline: a synchronous CAS call cannot be
 * interrupted, so a runaway is stopped by terminating its thread, never by blocking the API.
 */
@Injectable()
export class ToolsSandbox implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly sandbox: CasSandbox;

  constructor(@Inject(APP_CONFIG) _config: AppConfig) {
    this.sandbox = createCasSandbox({ size: 1, timeoutMs: TOOL_DEADLINE_MS });
  }

  /** Loads the CAS into the thread now, so the first user request doesn't pay for it. */
  onApplicationBootstrap(): void {
    this.sandbox
      .checkAnswer({ expected: '1', given: '1' })
      .catch((error: Error) => new Logger('ToolsSandbox').warn(`warm-up failed: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sandbox.close();
  }
}
