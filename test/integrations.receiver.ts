import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: { type: string; timestamp: string; data: any };
}

/** What the receiver does for one request on a path: answer a status, optionally after a delay. */
export interface ReceiverBehaviour {
  status: number;
  delayMs?: number;
}

/**
 * A real local HTTP receiver (127.0.0.1) for outbound webhooks: records every request by path and
 * answers from a per-path script of behaviours (then 200 once the script is used up).
 */
export async function startReceiver() {
  const received: ReceivedWebhook[] = [];
  const scripts = new Map<string, ReceiverBehaviour[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ path, headers: request.headers, body, json: JSON.parse(body) });
      const behaviour = scripts.get(path)?.shift() ?? { status: 200 };
      const answer = () => response.writeHead(behaviour.status).end();
      if (behaviour.delayMs) setTimeout(answer, behaviour.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    script: (path: string, behaviours: ReceiverBehaviour[]) => scripts.set(path, [...behaviours]),
    on: (path: string) => received.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
