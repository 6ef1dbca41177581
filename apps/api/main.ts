import { Logger } from '@nestjs/common';
import { loadConfig } from '../../libs/config/index.js';
import { createApiApp } from './create-api-app.js';

/** Starts the HTTP API alone (`npm run api`). */
export async function startApi(config = loadConfig()) {
  const app = await createApiApp(config);
  await app.listen({ port: config.http.port, host: config.http.host });
  new Logger('Api').log(`StepGrade API listening on http://localhost:${config.http.port}`);
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startApi();
}
