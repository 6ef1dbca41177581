// Worker-thread entry: runs CAS calls one at a time for the pool in cas-sandbox.pool.ts. A call that
// never returns is the pool's to end (it terminates this thread), so nothing here tries to time out.
import { parentPort, workerData } from 'node:worker_threads';
import type { CasHandlers, CasRequest, CasResponse, CasWorkerData } from './cas-sandbox.types.js';

async function loadHandlers(data: CasWorkerData | undefined): Promise<CasHandlers> {
  if (data?.handlersModule) return (await import(data.handlersModule)) as CasHandlers;
  const [math, grading] = await Promise.all([import('../math/index.js'), import('../grading/index.js')]);
  return { checkAnswer: math.checkAnswer, checkSteps: grading.checkSteps };
}

function run(handlers: CasHandlers, request: CasRequest): unknown {
  if (request.kind === 'checkAnswer') {
    const { expected, given, policy } = request.args;
    return handlers.checkAnswer(expected, given, policy);
  }
  return handlers.checkSteps(request.args);
}

if (!parentPort) throw new Error('cas-worker.entry must run in a worker thread');
const port = parentPort;
const handlers = await loadHandlers(workerData as CasWorkerData | undefined);

port.on('message', (request: CasRequest) => {
  let response: CasResponse;
  try {
    response = { kind: 'result', id: request.id, result: run(handlers, request) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    response = { kind: 'failed', id: request.id, error: { message: failure.message, stack: failure.stack } };
  }
  port.postMessage(response);
});
port.postMessage({ kind: 'ready' } satisfies CasResponse);
