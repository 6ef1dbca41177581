import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The API's own registry (one per app instance, so several apps in one test process never clash).
 * Route is the template (`/v1/submissions/:id`), never the raw URL, to keep label sets bounded.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'stepgrade_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'stepgrade_api_' });
  }
}
