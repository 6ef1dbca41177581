import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Some requests are refused before any route, hook or Nest filter runs: by the router (a URL that
// does not decode, a path parameter over its length) or by Node's HTTP parser (headers or URL over
// 16 KB, a malformed request line, a client too slow). Fastify answers those in its own body; these
// handlers give them the contract's {"error": {code, message}} like every other error.

const ROUTER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'malformed_request', message: 'the URL is not valid (bad percent-encoding)' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'uri_too_long', message: 'a path segment is too long' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'malformed_request', message: 'the request matches no route' },
};

const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'headers_too_large',
    message: 'the URL and headers exceed 16 KB',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'request_timeout',
    message: 'the request took too long to arrive',
  },
};
const CLIENT_ERROR_DEFAULT = {
  status: 400,
  reason: 'Bad Request',
  code: 'malformed_request',
  message: 'the request is not valid HTTP',
};

const contractBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });

/** Fastify's `frameworkErrors`: router refusals, before any hook. */
export function frameworkErrors(error: Error & { code?: string }, _request: FastifyRequest, reply: FastifyReply): void {
  const known = ROUTER_ERRORS[error.code ?? ''] ?? { status: 400, code: 'malformed_request', message: error.message };
  void reply
    .status(known.status)
    .header('content-type', 'application/json; charset=utf-8')
    .send(contractBody(known.code, known.message));
}

/** Fastify's `clientErrorHandler`: Node's HTTP parser refused the bytes; there is no request object. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one to answer (Node's own rule).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ''] ?? CLIENT_ERROR_DEFAULT;
  const body = contractBody(known.code, known.message);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${known.status} ${known.reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
