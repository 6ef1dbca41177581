import { Logger } from '@nestjs/common';
import { loadConfig } from '../../libs/config/index.js';
import { createProcessLogger } from '../../libs/observability/index.js';
import { createWorkerApp } from './create-worker-app.js';

/**
 * Starts a worker for WORKER_POOL (`npm run worker`). SIGTERM drains in-flight jobs within the
 * grace period; a hard deadline just after it forces the exit before the orchestrator's kill.
 */
export async function startWorker(config = loadConfig()) {
  // JSON lines (pino) with request/job ids, level from LOG_LEVEL.
  createProcessLogger(config, 'worker');
  const app = await createWorkerApp(config);
  const logger = new Logger('Worker');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: draining`);
    setTimeout(() => process.exit(1), (config.shutdownGraceS + 5) * 1000).unref();
    app.close().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error(`shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (process.send) {
    // Forked by `npm start`, which prints the one start-up line once it hears this.
    process.send({ ready: true });
  } else {
    logger.log(`StepGrade worker started for pools ${config.pools.enabled.join(', ')}`);
  }
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startWorker();
}
