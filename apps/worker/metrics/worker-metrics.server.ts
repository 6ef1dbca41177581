import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { WorkerMetrics } from '../../../libs/observability/index.js';
import { PoolRunner } from '../pools/pool-runner.service.js';

function authorized(request: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const given = Buffer.from(/^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Workers have no HTTP API; with WORKER_METRICS_PORT set they answer two things on it:
 * GET /metrics (this worker's job metrics, Prometheus text, same token rule as the API) and
 * GET /health/live (200 while every queue consumer runs, 503 otherwise: the kubelet restarts a
 * worker whose consumers died or whose event loop is stuck, since then nothing answers).
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerMetrics');
  private server: Server | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: WorkerMetrics,
    private readonly poolRunner: PoolRunner,
  ) {}

  /** The port actually bound (useful when configured as an ephemeral port in tests). */
  port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.workerMetricsPort <= 0) return;
    this.server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.config.workerMetricsPort, this.config.http.host, () => resolve());
    });
    this.logger.log(`metrics and liveness on port ${this.port()}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    try {
      if (request.method === 'GET' && path === '/health/live') {
        const live = this.poolRunner.consumersRunning();
        response
          .writeHead(live ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: live ? 'ok' : 'unavailable' }));
      } else if (request.method === 'GET' && path === '/metrics') {
        if (!authorized(request, this.config.metricsToken)) {
          response
            .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' })
            .end(JSON.stringify({ error: { code: 'unauthorized', message: 'metrics need the metrics token' } }));
          return;
        }
        const body = await this.metrics.registry.metrics();
        response.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(body);
      } else {
        response
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { code: 'not_found', message: 'not found' } }));
      }
    } catch (error) {
      this.logger.error(`metrics request failed: ${(error as Error).message}`);
      response.writeHead(500).end();
    }
  }
}
