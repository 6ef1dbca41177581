// A worker's observability: job metrics, token metering, and the optional metrics/liveness server.
import { WorkerMetrics } from '../../../libs/observability/index.js';
import { WorkerMetricsServer } from './worker-metrics.server.js';

export { recordJobMetrics } from './job-metrics.recorder.js';
export { meteredModelProviders } from './metered-model-providers.js';
export { WorkerMetricsServer } from './worker-metrics.server.js';
export const WORKER_METRICS_PROVIDERS = [
  { provide: WorkerMetrics, useFactory: () => new WorkerMetrics() },
  WorkerMetricsServer,
];
