// Prometheus /metrics for the API, registered by ApiModule.
import { ApiMetrics } from '../../../libs/observability/index.js';
import { HttpObservabilityHook } from './http-observability.hook.js';
import { MetricsController } from './metrics.controller.js';
import { QueueDepthCollector } from './queue-depth.collector.js';

export const METRICS_CONTROLLERS = [MetricsController];
export const METRICS_PROVIDERS = [
  { provide: ApiMetrics, useFactory: () => new ApiMetrics() },
  HttpObservabilityHook,
  QueueDepthCollector,
];
