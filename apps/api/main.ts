import { Logger } from '@nestjs/common';
import { loadConfig } from '../../libs/config/index.js';
import { createProcessLogger } from '../../libs/observability/index.js';
import { createApiApp } from './create-api-app.js';

/** Starts the HTTP API alone (`npm run api`). */
export async function startApi(config = loadConfig(), options: { announce?: boolean } = {}) {
  // JSON lines (pino) with request/job ids, level from LOG_LEVEL.
  createProcessLogger(config, 'api');
  const app = await createApiApp(config);
  await app.listen({ port: config.http.port, host: config.http.host });
  // `npm start` says it in its own one line; `npm run api` alone says it here.
  if (options.announce !== false)
    new Logger('Api').log(`StepGrade API listening on http://localhost:${config.http.port}`);
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startApi();
}
