// Benchmarks for the two model pools, run by `npm run bench`:
// - edge: decode and prompt throughput (tokens/s) and end-to-end reference latency of the wide
//   generated GGUF through node-llama-cpp, at 1 and 2 threads;
// - gpu: latency our provider adds per request over a raw HTTP round trip to the local
//   OpenAI-protocol server (budget: < 5 ms at p50).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFixtureModel } from '../../scripts/model/fixture-model.js';
import { startFakeOpenAiServer } from './testing/fake-openai-server.js';
import { acquireModel, releaseModel } from './llama-model-cache.js';
import { createLlamaProvider } from './llama-provider.js';
import { createOpenAiProvider } from './openai-provider.js';
import { referenceTask } from './prompts.js';

const DECODE_TOKENS = 64;
const OVERHEAD_REQUESTS = 300;
const REFERENCE_INPUT = {
  problem: 'Find the maximum and minimum of f on [-1, 3].',
  definitions: { f: 'x^3 - 3x^2 + 2' },
};

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** Raw decode and prompt speed, without chat or grammar overhead. */
async function measureThroughput(
  modelPath: string,
  threads: number,
): Promise<{ decode: number; prompt: number; generated: number }> {
  const { model } = await acquireModel(modelPath, false);
  const context = await model.createContext({ contextSize: 1024, threads });
  try {
    const sequence = context.getSequence();
    // The first evaluation allocates compute buffers; keep it out of the measurement.
    await sequence.evaluateWithoutGeneratingNewTokens(model.tokenize('warm up'));
    await sequence.clearHistory();
    const promptStart = performance.now();
    await sequence.evaluateWithoutGeneratingNewTokens(model.tokenize(referenceTask(REFERENCE_INPUT).prompt));
    const promptMs = performance.now() - promptStart;
    const promptTokens = sequence.contextTokens.length;
    await sequence.clearHistory();
    // Raw evaluation loop that runs on through end-of-sentence: exactly DECODE_TOKENS tokens.
    let generated = 0;
    const decodeStart = performance.now();
    for await (const token of sequence.evaluate(model.tokenize('1, 2, 3,'), { temperature: 0, yieldEogToken: true })) {
      void token;
      if (++generated >= DECODE_TOKENS) break;
    }
    const decodeMs = performance.now() - decodeStart;
    return { decode: (generated / decodeMs) * 1000, prompt: (promptTokens / promptMs) * 1000, generated };
  } finally {
    await context.dispose();
    await releaseModel(modelPath);
  }
}

async function benchEdge(results: Record<string, number>): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'stepgrade-bench-'));
  const modelPath = join(directory, 'fixture-wide.gguf');
  try {
    writeFixtureModel(modelPath, { wide: true });
    for (const threads of [1, 2]) {
      const throughput = await measureThroughput(modelPath, threads);
      results[`edge.wide.threads${threads}.decode_tokens_per_s`] = round(throughput.decode);
      results[`edge.wide.threads${threads}.prompt_tokens_per_s`] = round(throughput.prompt);
      results[`edge.wide.threads${threads}.decode_tokens`] = throughput.generated;
      const provider = createLlamaProvider({
        modelPath,
        threads,
        contextSize: 2048,
        maxTokens: 128,
        maxAnswerTokens: 128,
      });
      try {
        await provider.warmUp();
        const latencies: number[] = [];
        // Different problems each time, so no run reuses the previous run's cached prompt.
        for (let run = 0; run < 3; run++)
          latencies.push(
            (await provider.generateReference({ ...REFERENCE_INPUT, problem: `${run}. ${REFERENCE_INPUT.problem}` }))
              .durationMs,
          );
        results[`edge.wide.threads${threads}.reference_latency_p50_ms`] = round(percentile(latencies, 0.5), 1);
      } finally {
        await provider.close();
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function benchGpuOverhead(results: Record<string, number>): Promise<void> {
  const server = await startFakeOpenAiServer();
  const content = { steps: ["f'(x) = 3x^2 - 6x", 'f(0) = 2', 'f(2) = -2'], final_answer: 'max 2, min -2' };
  server.setHandler(() => ({ kind: 'ok', content }));
  const provider = createOpenAiProvider({ baseURL: server.url, model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B' });
  const task = referenceTask(REFERENCE_INPUT);
  const rawBody = JSON.stringify({
    model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B',
    messages: [{ role: 'user', content: task.prompt }],
    response_format: {
      type: 'json_schema',
      json_schema: { name: task.schemaName, schema: task.jsonSchema, strict: true },
    },
  });
  const raw = async () => {
    const startedAt = performance.now();
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: rawBody,
    });
    await response.json();
    return performance.now() - startedAt;
  };
  const viaProvider = async () => {
    const startedAt = performance.now();
    await provider.generateReference(REFERENCE_INPUT);
    return performance.now() - startedAt;
  };
  try {
    for (let warm = 0; warm < 30; warm++) await Promise.all([raw(), viaProvider()]);
    const rawSamples: number[] = [];
    const providerSamples: number[] = [];
    // Interleaved so that both see the same machine load.
    for (let request = 0; request < OVERHEAD_REQUESTS; request++) {
      rawSamples.push(await raw());
      providerSamples.push(await viaProvider());
    }
    results['gpu.raw_http_p50_ms'] = round(percentile(rawSamples, 0.5), 3);
    results['gpu.provider_p50_ms'] = round(percentile(providerSamples, 0.5), 3);
    results['gpu.overhead_p50_ms'] = round(percentile(providerSamples, 0.5) - percentile(rawSamples, 0.5), 3);
    results['gpu.overhead_p95_ms'] = round(percentile(providerSamples, 0.95) - percentile(rawSamples, 0.95), 3);
  } finally {
    await provider.close();
    await server.close();
  }
}

export async function benchInference(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  await benchGpuOverhead(results);
  await benchEdge(results);
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchInference().then((results) => process.stdout.write(`${JSON.stringify(results, null, 2)}\n`));
}
