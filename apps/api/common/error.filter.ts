import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';
import { isDatabaseDown } from './database-down.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_request' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_request' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'malformed_request' },
};

const HTTP_CODES: Record<number, string> = {
  400: 'malformed_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_content',
  429: 'rate_limited',
};

/** Every error leaves the API in the contract's one shape; nothing unexpected leaks internals. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    sendError(host.switchToHttp().getResponse<FastifyReply>(), exception, this.logger);
  }
}

/**
 * Fastify's own error handler, set before any route exists: errors raised outside Nest's routing
 * (a body over the limit, invalid JSON, an unsupported media type) reach it, not the filter, on
 * every route built before Nest installs its handler (bull-board's plugin builds them early).
 */
export function contractErrorHandler(error: unknown, _request: FastifyRequest, reply: FastifyReply): void {
  sendError(reply, error, fastifyLogger);
}

const fastifyLogger = new Logger('HTTP');

function sendError(reply: FastifyReply, exception: unknown, logger: Logger): void {
  const { status, body, headers } = describeError(exception);
  if (status >= 500)
    logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  // A route that set its own content type (an HTML page) would make Fastify refuse to serialize
  // the error object (a 500): its errors are JSON like every other.
  const routeType = reply.getHeader('content-type');
  if (routeType !== undefined && !/json/i.test(String(routeType)))
    void reply.header('content-type', 'application/json; charset=utf-8');
  void reply.status(status).headers(headers).send(body);
}

interface ErrorReply {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

export function describeError(exception: unknown): ErrorReply {
  if (exception instanceof ApiError) {
    const error = {
      code: exception.code,
      message: exception.message,
      ...(exception.details === undefined ? {} : { details: exception.details }),
    };
    return { status: exception.status, body: { ...exception.extraBody, error }, headers: exception.headers };
  }
  const fastifyCode = (exception as { code?: string } | null)?.code;
  if (fastifyCode && FASTIFY_CODES[fastifyCode]) {
    const known = FASTIFY_CODES[fastifyCode]!;
    return {
      status: known.status,
      body: { error: { code: known.code, message: (exception as Error).message } },
      headers: {},
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return {
      status,
      body: { error: { code: HTTP_CODES[status] ?? 'error', message: exception.message } },
      headers: {},
    };
  }
  const statusCode = (exception as { statusCode?: number } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return {
      status: statusCode,
      body: { error: { code: HTTP_CODES[statusCode] ?? 'bad_request', message: (exception as Error).message } },
      headers: {},
    };
  }
  if (isDatabaseDown(exception)) {
    return {
      status: 503,
      body: { error: { code: 'database_unavailable', message: 'Postgres is unavailable; try again shortly' } },
      headers: { 'retry-after': '5' },
    };
  }
  return { status: 500, body: { error: { code: 'internal_error', message: 'internal error' } }, headers: {} };
}
