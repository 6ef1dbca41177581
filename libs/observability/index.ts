export { ApiMetrics } from './api-metrics.js';
export { WorkerMetrics } from './worker-metrics.js';
export { currentLogContext, type LogContext, withLogContext } from './log-context.js';
export { PinoLoggerService, type PinoLevel } from './pino-logger.service.js';
export { createProcessLogger } from './process-logger.js';
