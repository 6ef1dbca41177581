// Protects outbound delivery against a real local HTTP receiver: signed POSTs, retry/disable outcomes, hard timeouts, SSRF refusal and address pinning.
import { afterEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { HostLookup } from './ssrf-guard.js';
import { deliverWebhook, type DeliverWebhookInput } from './webhook-delivery.js';
import { generateWebhookSecret } from './webhook-secret.js';
import { verifyWebhook } from './webhook-signature.js';

interface ReceivedRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  port: number;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

const openReceivers: Receiver[] = [];

/** A real HTTP server on 127.0.0.1:<random port>; `respond` decides what each request gets. */
async function startReceiver(respond: (response: http.ServerResponse) => void): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      respond(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver: Receiver = {
    port: (server.address() as AddressInfo).port,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  openReceivers.push(receiver);
  return receiver;
}

afterEach(async () => {
  await Promise.all(openReceivers.splice(0).map((receiver) => receiver.close()));
});

const secret = generateWebhookSecret();
const body = JSON.stringify({ type: 'submission.graded', timestamp: '2025-01-01T00:00:00Z', data: { id: 'sub_1' } });

function attempt(
  url: string,
  overrides: Partial<DeliverWebhookInput> = {},
): Promise<Awaited<ReturnType<typeof deliverWebhook>>> {
  return deliverWebhook({
    url,
    secrets: [secret],
    webhookId: 'msg_evt_1',
    timestamp: Math.floor(Date.now() / 1000),
    body,
    timeoutMs: 2_000,
    allowHosts: ['127.0.0.1'],
    ...overrides,
  });
}

const answer = (statusCode: number) => (response: http.ServerResponse) => response.writeHead(statusCode).end('{}');

describe('deliverWebhook', () => {
  it('POSTs the body with Standard Webhooks headers that both our verifier and the package accept', async () => {
    const receiver = await startReceiver(answer(204));
    const outcome = await attempt(`http://127.0.0.1:${receiver.port}/hooks/stepgrade`);
    expect(outcome).toMatchObject({ ok: true, statusCode: 204, disable: false, retryable: false });
    expect(outcome.error).toBeUndefined();
    const [request] = receiver.received;
    expect(request.body).toBe(body);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['webhook-id']).toBe('msg_evt_1');
    expect(verifyWebhook(request.body, request.headers, { secrets: [secret] }).webhookId).toBe('msg_evt_1');
    expect(new Webhook(secret).verify(request.body, request.headers as Record<string, string>)).toEqual(
      JSON.parse(body),
    );
  });

  it('sends one signature per active secret during rotation', async () => {
    const receiver = await startReceiver(answer(200));
    const newSecret = generateWebhookSecret();
    await attempt(`http://127.0.0.1:${receiver.port}/`, { secrets: [secret, newSecret] });
    const [request] = receiver.received;
    expect(verifyWebhook(request.body, request.headers, { secrets: [newSecret] }).secretIndex).toBe(0);
    expect(verifyWebhook(request.body, request.headers, { secrets: [secret] }).secretIndex).toBe(0);
  });

  it('marks a 500 as retryable and a 410 as disabling the endpoint', async () => {
    const failing = await startReceiver(answer(500));
    expect(await attempt(`http://127.0.0.1:${failing.port}/`)).toMatchObject({
      ok: false,
      statusCode: 500,
      retryable: true,
      disable: false,
    });
    const gone = await startReceiver(answer(410));
    expect(await attempt(`http://127.0.0.1:${gone.port}/`)).toMatchObject({
      ok: false,
      statusCode: 410,
      retryable: false,
      disable: true,
    });
  });

  it('does not follow redirects (they would bypass the SSRF check)', async () => {
    const redirecting = await startReceiver((response) =>
      response.writeHead(302, { location: 'http://169.254.169.254/' }).end(),
    );
    expect(await attempt(`http://127.0.0.1:${redirecting.port}/`)).toMatchObject({
      ok: false,
      statusCode: 302,
      retryable: true,
    });
    expect(redirecting.received).toHaveLength(1);
  });

  it('gives up on a receiver that never answers within the per-attempt timeout', async () => {
    const silent = await startReceiver(() => undefined);
    const outcome = await attempt(`http://127.0.0.1:${silent.port}/`, { timeoutMs: 300 });
    expect(outcome).toMatchObject({
      ok: false,
      statusCode: null,
      errorCode: 'timeout',
      retryable: true,
      disable: false,
    });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(290);
    expect(outcome.durationMs).toBeLessThan(1_000);
    expect(silent.received).toHaveLength(1);
  });

  it('counts a hanging DNS lookup against the same timeout', async () => {
    const hangingLookup: HostLookup = () => new Promise(() => undefined);
    const outcome = await attempt('http://slow-dns.example/', { timeoutMs: 200, lookup: hangingLookup });
    expect(outcome).toMatchObject({ errorCode: 'timeout', retryable: true });
    expect(outcome.durationMs).toBeLessThan(1_000);
  });

  it('reports a refused connection as a retryable network error', async () => {
    const closed = await startReceiver(answer(200));
    await closed.close();
    expect(await attempt(`http://127.0.0.1:${closed.port}/`)).toMatchObject({
      ok: false,
      statusCode: null,
      errorCode: 'network',
      retryable: true,
    });
  });
});

describe('deliverWebhook SSRF protection', () => {
  it.each([
    ['loopback IPv4', 'http://127.0.0.1:PORT/'],
    ['loopback by name', 'http://localhost:PORT/'],
  ])('refuses %s without the allowlist and sends nothing', async (_case, urlTemplate) => {
    const receiver = await startReceiver(answer(200));
    const outcome = await attempt(urlTemplate.replace('PORT', String(receiver.port)), { allowHosts: [] });
    expect(outcome).toMatchObject({ ok: false, statusCode: null, errorCode: 'blocked', retryable: false });
    expect(receiver.received).toHaveLength(0);
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://10.0.0.5/'])(
    'refuses %s without the allowlist',
    async (url) => {
      expect(await attempt(url, { allowHosts: [] })).toMatchObject({ errorCode: 'blocked', retryable: false });
    },
  );

  it('delivers to localhost when the allowlist names it', async () => {
    const receiver = await startReceiver(answer(200));
    expect(await attempt(`http://localhost:${receiver.port}/`, { allowHosts: ['localhost'] })).toMatchObject({
      ok: true,
      statusCode: 200,
    });
  });

  it('connects to the address it checked, resolving the name only once (no DNS rebinding window)', async () => {
    const receiver = await startReceiver(answer(200));
    let lookups = 0;
    // `.invalid` never resolves through the system resolver, so success proves the pinned address was used.
    const countingLookup: HostLookup = async () => {
      lookups += 1;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const outcome = await attempt(`http://receiver.invalid:${receiver.port}/`, { lookup: countingLookup });
    expect(outcome).toMatchObject({ ok: true, statusCode: 200 });
    expect(lookups).toBe(1);
    expect(receiver.received[0].headers.host).toBe(`receiver.invalid:${receiver.port}`);
  });

  it('refuses a name whose answers mix a public and an internal address', async () => {
    const receiver = await startReceiver(answer(200));
    const mixedLookup: HostLookup = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    const outcome = await attempt(`http://rebind.example:${receiver.port}/`, { allowHosts: [], lookup: mixedLookup });
    expect(outcome).toMatchObject({ errorCode: 'blocked', retryable: false });
    expect(receiver.received).toHaveLength(0);
  });
});
