import type { LoggerService, LogLevel } from '@nestjs/common';
import { type DestinationStream, type Logger as Pino, pino } from 'pino';
import { currentLogContext } from './log-context.js';

// Nest's own start-up chatter (module wiring, one line per mapped route): debug, not info, so the
// default level shows only what an operator needs (LOG_LEVEL=debug brings it back).
const NEST_BOOT_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

export type PinoLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * Nest's LoggerService on pino: one JSON object per line with the Nest context, and the request or
 * job id of the work that logged it. Callers log ids and counts, never student answers or secrets.
 */
export class PinoLoggerService implements LoggerService {
  readonly pino: Pino;

  constructor(options: { level: PinoLevel; service: string }, destination?: DestinationStream) {
    this.pino = pino(
      {
        level: options.level,
        base: { service: options.service, pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        mixin: () => ({ ...currentLogContext() }),
        // Belt and braces: fields that could carry secrets are never written even if passed.
        redact: {
          paths: ['authorization', 'headers.authorization', 'apiKey', 'secret', 'signingSecret', 'inboundSecret'],
          censor: '[redacted]',
        },
      },
      destination,
    );
  }

  private write(
    level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace',
    message: unknown,
    params: unknown[],
  ): void {
    // Nest passes the context as the last string parameter, and for errors a stack before it.
    const context =
      params.length > 0 && typeof params[params.length - 1] === 'string'
        ? (params[params.length - 1] as string)
        : undefined;
    if (level === 'info' && context && NEST_BOOT_CONTEXTS.has(context)) level = 'debug';
    const stack = level === 'error' && params.length > 1 && typeof params[0] === 'string' ? params[0] : undefined;
    if (message instanceof Error) {
      this.pino[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ context, ...(message as object) });
    } else {
      this.pino[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** LOG_LEVEL decides; Nest's own level list (set by the app factories) is not a second filter. */
  setLogLevels(_levels: LogLevel[]): void {}
}
