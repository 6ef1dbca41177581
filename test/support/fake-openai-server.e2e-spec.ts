// The fake OpenAI-protocol server answers like vLLM with the deepseek_r1 reasoning parser
// (health, model list, reasoning + schema-conforming JSON content), plays scripted faults in
// order, and records every chat request so tests can count model calls.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startFakeOpenAiServer, type FakeOpenAiServer } from './fake-openai-server.js';

const schema = {
  type: 'object',
  properties: {
    verdict: { type: 'string', enum: ['correct', 'incorrect'] },
    steps: { type: 'array', items: { type: 'string' }, minItems: 2 },
  },
  required: ['verdict', 'steps'],
};

const chat = (server: FakeOpenAiServer, body: Record<string, unknown>, signal?: AbortSignal) =>
  fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });

describe('fake OpenAI server', () => {
  let server: FakeOpenAiServer;
  beforeEach(async () => {
    server = await startFakeOpenAiServer({ model: 'test-model' });
  });
  afterEach(() => server.close());

  it('serves health and the model list', async () => {
    expect((await fetch(server.url.replace(/\/v1$/, '/health'))).status).toBe(200);
    const models = (await (await fetch(`${server.url}/models`)).json()) as { data: Array<{ id: string }> };
    expect(models.data.map((model) => model.id)).toEqual(['test-model']);
  });

  it('answers with reasoning and JSON content that fits the requested schema', async () => {
    const response = await chat(server, {
      model: 'test-model',
      messages: [{ role: 'user', content: 'hi' }],
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema } },
    });
    const body = (await response.json()) as { choices: Array<{ message: { content: string; reasoning: string } }> };
    const message = body.choices[0]!.message;
    expect(JSON.parse(message.content)).toEqual({ verdict: 'correct', steps: ['OK', 'OK'] });
    expect(message.reasoning.length).toBeGreaterThan(0);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]!.body.messages![0]!.content).toBe('hi');
  });

  it('plays queued behaviours in order, then falls back to the handler', async () => {
    server.enqueue({ kind: 'error', status: 503 }, { kind: 'rate-limit', retryAfterS: 3 });
    server.setHandler(() => ({ kind: 'ok', content: 'plain' }));
    const statuses = [];
    const first = await chat(server, {});
    const second = await chat(server, {});
    const third = await chat(server, {});
    statuses.push(first.status, second.status, third.status);
    expect(statuses).toEqual([503, 429, 200]);
    expect(second.headers.get('retry-after')).toBe('3');
    expect(
      ((await third.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content,
    ).toBe('plain');
  });

  it('holds a hanging request open until the client gives up', async () => {
    server.enqueue({ kind: 'hang' });
    const startedAt = Date.now();
    const outcome = await chat(server, {}, AbortSignal.timeout(150)).then(
      () => 'answered',
      () => 'aborted',
    );
    expect(outcome).toBe('aborted');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
    expect(server.calls).toHaveLength(1);
  });
});
