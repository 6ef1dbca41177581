import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/index.js';
import { PinoLoggerService } from './pino-logger.service.js';

/**
 * Makes pino (JSON lines on stdout, level from LOG_LEVEL) the logger behind every Nest `Logger` in
 * this process. Call once in main.ts before the app is created.
 */
export function createProcessLogger(config: AppConfig, service: 'api' | 'worker'): PinoLoggerService {
  const logger = new PinoLoggerService({ level: config.logLevel, service });
  Logger.overrideLogger(logger);
  return logger;
}
