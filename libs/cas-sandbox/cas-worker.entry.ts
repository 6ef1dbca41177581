// Worker-thread entry: runs calls one at a time for the pool in thread-pool.ts, each by the name of a
// function the handlers module exports. A call that never returns is the pool's to end (it
// terminates this thread), so nothing here tries to time out.
import { parentPort, workerData } from 'node:worker_threads';
import type { PoolRequest, PoolResponse, PoolWorkerData } from './cas-sandbox.types.js';

type Handlers = Record<string, unknown>;

async function loadHandlers(data: PoolWorkerData | undefined): Promise<Handlers> {
  if (data?.handlersModule) return (await import(data.handlersModule)) as Handlers;
  return (await import('./cas-handlers.js')) as Handlers;
}

function run(handlers: Handlers, request: PoolRequest): unknown {
  const handler = handlers[request.kind];
  if (typeof handler !== 'function') throw new Error(`no handler named ${request.kind}`);
  return (handler as (args: unknown) => unknown)(request.args);
}

if (!parentPort) throw new Error('cas-worker.entry must run in a worker thread');
const port = parentPort;
const handlers = await loadHandlers(workerData as PoolWorkerData | undefined);

port.on('message', (request: PoolRequest) => {
  let response: PoolResponse;
  try {
    response = { kind: 'result', id: request.id, result: run(handlers, request) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    response = { kind: 'failed', id: request.id, error: { message: failure.message, stack: failure.stack } };
  }
  port.postMessage(response);
});
port.postMessage({ kind: 'ready' } satisfies PoolResponse);
