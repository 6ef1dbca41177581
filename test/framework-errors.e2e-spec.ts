// Protects the error contract for refusals made before Nest runs (issue 14): body too large, invalid
// or empty JSON, unsupported media type, an over-long path segment, a URL that does not decode, URL
// and headers over 16 KB and bytes that are not HTTP all answer {"error": {code, message}}.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningStack, startStack } from './support/running-stack.js';

let stack: RunningStack;
let key: string;
let port: number;

/** Raw bytes on a socket: some refusals need requests that fetch() will not send. */
function rawRequest(text: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    const answer = () => {
      const [head, body = ''] = received.split('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(head ?? '')?.[1] ?? -1);
      if (length < 0 || Buffer.byteLength(body) < length) return false;
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head ?? '')?.[1]), body: JSON.parse(body) });
      socket.destroy();
      return true;
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      answer();
    });
    socket.on('error', reject);
    socket.on('close', () => answer() || reject(new Error(`no complete answer: ${received}`)));
  });
}

async function request(path: string, init: RequestInit = {}) {
  const response = await fetch(`${stack.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) },
  });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

beforeAll(async () => {
  stack = await startStack('framework_errors', { worker: false, env: { STEPGRADE_JSON_BODY_LIMIT_MB: '0.1' } });
  const created = await stack.admin.post('/v1/api-keys', {
    orgId: (await stack.admin.post('/v1/orgs', { name: 'Errors' })).body.id,
    role: 'teacher',
    name: 't',
  });
  key = created.body.key;
  port = Number(new URL(stack.baseUrl).port);
});

afterAll(async () => {
  await stack?.stop();
});

const contract = (code: string) => ({ error: expect.objectContaining({ code, message: expect.any(String) }) });

describe('refusals before Nest use the contract shape', () => {
  const json = { 'content-type': 'application/json' };
  it.each([
    [
      '413 body too large',
      () =>
        request('/v1/assignments', { method: 'POST', headers: json, body: JSON.stringify({ t: 'x'.repeat(200_000) }) }),
      413,
      'payload_too_large',
    ],
    [
      '400 invalid JSON',
      () => request('/v1/assignments', { method: 'POST', headers: json, body: '{"title":' }),
      400,
      'malformed_request',
    ],
    [
      '400 empty JSON',
      () => request('/v1/assignments', { method: 'POST', headers: json, body: '' }),
      400,
      'malformed_request',
    ],
    [
      '415 media type',
      () =>
        request('/v1/assignments', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' }),
      415,
      'unsupported_media_type',
    ],
    ['414 path segment', () => request(`/v1/submissions/${'a'.repeat(500)}`), 414, 'uri_too_long'],
    ['404 unknown route', () => request('/v1/nothing-here'), 404, 'not_found'],
    // A route that sets its own content type (an HTML page) still answers its errors as JSON.
    ['422 on an HTML route', () => request('/docs?token=%00'), 422, 'invalid_content'],
  ])('%s', async (_label, send, status, code) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.type).toMatch(/^application\/json/);
    expect(response.body).toEqual(contract(code));
  });

  it.each([
    [
      '400 URL that does not decode',
      `GET /v1/submissions/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n`,
      400,
      'malformed_request',
    ],
    [
      '431 URL over 16 KB',
      `GET /v1/assignments?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      431,
      'headers_too_large',
    ],
    [
      '431 headers over 16 KB',
      `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'headers_too_large',
    ],
    ['400 not HTTP', 'HELLO THERE\r\n\r\n', 400, 'malformed_request'],
    [
      '400 bad Content-Length',
      'POST /v1/assignments HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      400,
      'malformed_request',
    ],
  ])('%s', async (_label, text, status, code) => {
    expect(await rawRequest(text)).toEqual({ status, body: contract(code) });
  });
});
