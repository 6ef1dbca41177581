// A real HTTP server (node:http on 127.0.0.1, port 0) that speaks OpenAI chat completions the way
// vLLM does with `--reasoning-parser deepseek_r1`: thinking in `reasoning`, the answer as JSON in
// `content`, conforming to the requested json_schema. Tests script its behaviour per request
// (ok, 5xx, 429 with Retry-After, garbage, hang, delay) and count what it received.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FakeBehaviour =
  | {
      kind: 'ok';
      content?: unknown;
      reasoning?: string | null;
      reasoningField?: 'reasoning' | 'reasoning_content' | 'inline';
    }
  | { kind: 'error'; status: number; message?: string }
  | { kind: 'rate-limit'; retryAfterS?: number; retryAfterMs?: number }
  | { kind: 'garbage' }
  | { kind: 'hang' }
  | { kind: 'delay'; ms: number; then?: FakeBehaviour };

export interface RecordedCall {
  path: string;
  /** parsed JSON request body */
  body: ChatRequestBody;
  receivedAt: number;
}

export interface ChatRequestBody {
  model?: string;
  messages?: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; schema: Record<string, unknown>; strict?: boolean } };
  [key: string]: unknown;
}

export type FakeHandler = (call: RecordedCall) => FakeBehaviour;

export interface FakeOpenAiServer {
  /** base URL including /v1, ready for the OpenAI client's baseURL */
  url: string;
  /** chat-completion requests received, in order */
  calls: RecordedCall[];
  /** replaces the default behaviour (used when the queue is empty) */
  setHandler(handler: FakeHandler): void;
  /** behaviours for the next requests, first in first out */
  enqueue(...behaviours: FakeBehaviour[]): void;
  close(): Promise<void>;
}

export interface FakeOpenAiServerOptions {
  model?: string;
  handler?: FakeHandler;
}

/** The smallest value a (strict, simple) JSON schema accepts: what a constrained model would emit. */
export function exampleForSchema(schema: Record<string, unknown>): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      const required = (schema.required ?? Object.keys(properties)) as string[];
      return Object.fromEntries(required.map((name) => [name, exampleForSchema(properties[name] ?? {})]));
    }
    case 'array':
      return Array.from({ length: Math.max(1, Number(schema.minItems ?? 1)) }, () =>
        exampleForSchema((schema.items ?? {}) as Record<string, unknown>),
      );
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    default:
      return 'OK';
  }
}

export const DEFAULT_FAKE_REASONING = 'Let me work through this step by step.';
const okBehaviour: FakeHandler = () => ({ kind: 'ok' });

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function completionBody(
  model: string,
  body: ChatRequestBody,
  content: string,
  reasoning: string | null,
  reasoningField: string,
) {
  const promptChars = (body.messages ?? []).reduce((sum, message) => sum + String(message.content).length, 0);
  const inline = reasoningField === 'inline' && reasoning !== null;
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: inline ? `<think>\n${reasoning}\n</think>\n\n${content}` : content,
  };
  if (!inline) message[reasoningField] = reasoning;
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, finish_reason: 'stop', logprobs: null }],
    usage: {
      prompt_tokens: Math.ceil(promptChars / 4),
      completion_tokens: Math.ceil((content.length + (reasoning?.length ?? 0)) / 4),
      total_tokens: 0,
    },
  };
}

async function respond(
  behaviour: FakeBehaviour,
  call: RecordedCall,
  response: ServerResponse,
  model: string,
): Promise<void> {
  switch (behaviour.kind) {
    case 'hang':
      return; // never answer; close() destroys the socket
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, behaviour.ms));
      return respond(behaviour.then ?? { kind: 'ok' }, call, response, model);
    case 'error':
      return sendJson(response, behaviour.status, {
        object: 'error',
        message: behaviour.message ?? 'fake failure',
        type: 'InternalServerError',
        code: behaviour.status,
      });
    case 'rate-limit': {
      const headers: Record<string, string> = {};
      if (behaviour.retryAfterS !== undefined) headers['retry-after'] = String(behaviour.retryAfterS);
      if (behaviour.retryAfterMs !== undefined) headers['retry-after-ms'] = String(behaviour.retryAfterMs);
      return sendJson(
        response,
        429,
        { object: 'error', message: 'too many requests', type: 'RateLimitError', code: 429 },
        headers,
      );
    }
    case 'garbage':
      return sendJson(
        response,
        200,
        completionBody(model, call.body, '{"steps": [unterminated', DEFAULT_FAKE_REASONING, 'reasoning'),
      );
    case 'ok': {
      const schema = call.body.response_format?.json_schema?.schema;
      const content = behaviour.content ?? (schema ? exampleForSchema(schema) : 'OK');
      const text = typeof content === 'string' ? content : JSON.stringify(content);
      const reasoning = behaviour.reasoning === undefined ? DEFAULT_FAKE_REASONING : behaviour.reasoning;
      return sendJson(
        response,
        200,
        completionBody(model, call.body, text, reasoning, behaviour.reasoningField ?? 'reasoning'),
      );
    }
  }
}

export async function startFakeOpenAiServer(options: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const model = options.model ?? 'deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B';
  let handler = options.handler ?? okBehaviour;
  const queue: FakeBehaviour[] = [];
  const calls: RecordedCall[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    void (async () => {
      const path = (request.url ?? '/').split('?')[0]!;
      if (request.method === 'GET' && path === '/health') return void response.writeHead(200).end();
      if (request.method === 'GET' && path === '/v1/models') {
        return sendJson(response, 200, {
          object: 'list',
          data: [{ id: model, object: 'model', owned_by: 'vllm', max_model_len: 131072 }],
        });
      }
      if (request.method !== 'POST' || path !== '/v1/chat/completions')
        return sendJson(response, 404, { object: 'error', message: 'not found' });
      const rawBody = await readBody(request);
      let body: ChatRequestBody;
      try {
        body = JSON.parse(rawBody) as ChatRequestBody;
      } catch {
        return sendJson(response, 400, { object: 'error', message: 'request body is not JSON' });
      }
      const call = { path, body, receivedAt: Date.now() };
      calls.push(call);
      await respond(queue.shift() ?? handler(call), call, response, model);
    })().catch((error: Error) => {
      if (!response.headersSent) sendJson(response, 500, { object: 'error', message: error.message });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    calls,
    setHandler: (next) => void (handler = next),
    enqueue: (...behaviours) => void queue.push(...behaviours),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
