import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/create-api-app.js';
import { createWorkerApp } from '../../apps/worker/create-worker-app.js';
import { ADMIN_KEY, createTestEnv, type TestEnv } from './test-env.js';
import { apiClient, type ApiClient } from './http-client.js';

export interface RunningStack {
  testEnv: TestEnv;
  api: NestFastifyApplication;
  worker: INestApplicationContext | null;
  baseUrl: string;
  admin: ApiClient;
  stop(): Promise<void>;
}

/** Boots the real API (on a free port) and, unless told not to, an in-process cpu worker. */
export async function startStack(
  suite: string,
  options: { worker?: boolean; env?: Record<string, string> } = {},
): Promise<RunningStack> {
  const testEnv = await createTestEnv(suite, options.env);
  const api = await createApiApp(testEnv.config, { logger: false });
  await api.listen({ port: 0, host: '127.0.0.1' });
  const address = api.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const worker = options.worker === false ? null : await createWorkerApp(testEnv.config, { logger: false });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    testEnv,
    api,
    worker,
    baseUrl,
    admin: apiClient(baseUrl, ADMIN_KEY),
    async stop() {
      await worker?.close();
      await api.close();
      await testEnv.dispose();
    },
  };
}

/** Creates an organization with a teacher key and an integration key. */
export async function createOrgWithKeys(stack: RunningStack, name: string) {
  const org = await stack.admin.post('/v1/orgs', { name });
  const teacher = await stack.admin.post('/v1/api-keys', {
    orgId: org.body.id,
    role: 'teacher',
    name: `${name} teacher`,
  });
  const integration = await stack.admin.post('/v1/api-keys', {
    orgId: org.body.id,
    role: 'integration',
    name: `${name} lms`,
  });
  return {
    orgId: org.body.id as string,
    teacher: apiClient(stack.baseUrl, teacher.body.key),
    integration: apiClient(stack.baseUrl, integration.body.key),
  };
}
