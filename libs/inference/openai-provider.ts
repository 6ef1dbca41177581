// The gpu pool's provider: an OpenAI-compatible chat-completions server (vLLM in production).
// Structured output through `response_format: json_schema` (strict); with vLLM's deepseek_r1
// reasoning parser the schema constrains only the answer and the thinking arrives as `reasoning`
// (older vLLM: `reasoning_content`); without the parser we split `<think>` out of the content.
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import { InferenceError, ModelOutputError, ModelUnavailableError } from './errors.js';
import type { ModelProvider } from './model-provider.js';
import type { StructuredTask } from './prompts.js';
import { splitThinking } from './reasoning.js';
import {
  backoffDelayMs,
  classifyRequestError,
  DEFAULT_RETRY_POLICY,
  retryAfterMs,
  type RetryPolicy,
} from './retry-policy.js';
import { parseStructuredOutput } from './structured-output.js';
import { toModelProvider, type StructuredTaskRunner, type TaskCompletion } from './task-provider.js';

export interface OpenAiProviderOptions {
  baseURL: string;
  apiKey?: string;
  /** served model name, e.g. deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B; also the stored model id */
  model: string;
  /** per-request limit; a hung server fails the attempt after this long */
  timeoutMs?: number;
  temperature?: number;
  /** bound on generated tokens, thinking included */
  maxTokens?: number;
  retry?: Partial<RetryPolicy>;
}

/** Message fields vLLM adds beyond OpenAI's type. */
interface ReasoningMessage {
  content?: string | null;
  reasoning?: string | null;
  reasoning_content?: string | null;
}

type AttemptResult<Output> =
  { kind: 'ok'; completion: TaskCompletion<Output> } | { kind: 'bad-output'; error: ModelOutputError };

class OpenAiTaskRunner implements StructuredTaskRunner {
  readonly id: string;
  private readonly client: OpenAI;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;

  constructor(private readonly options: OpenAiProviderOptions) {
    this.id = options.model;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.client = new OpenAI({
      baseURL: options.baseURL,
      apiKey: options.apiKey ?? 'not-needed',
      maxRetries: 0,
      timeout: this.timeoutMs,
    });
  }

  async run<Output>(task: StructuredTask<Output>): Promise<TaskCompletion<Output>> {
    let transientFailures = 0;
    let outputFailures = 0;
    for (;;) {
      let result: AttemptResult<Output>;
      const attemptStartedAt = performance.now();
      try {
        result = await this.attempt(task);
      } catch (error) {
        const classified =
          error instanceof InferenceError
            ? error
            : classifyRequestError(error, this.timeoutMs, performance.now() - attemptStartedAt);
        if (!classified) throw error;
        if (classified.permanent) throw classified;
        transientFailures++;
        if (transientFailures >= this.policy.maxAttempts) {
          throw new ModelUnavailableError(
            `${classified.message} (after ${transientFailures} attempts)`,
            (classified as ModelUnavailableError).status,
            { cause: error },
          );
        }
        await sleep(this.delayBeforeRetry(error, transientFailures));
        continue;
      }
      if (result.kind === 'ok') return result.completion;
      outputFailures++;
      if (outputFailures >= this.policy.maxOutputAttempts) {
        const { error } = result;
        throw new ModelOutputError(`${error.message} (after ${outputFailures} attempts)`, error.rawOutput, {
          cause: error,
        });
      }
    }
  }

  private delayBeforeRetry(error: unknown, failedAttempts: number): number {
    const backoff = backoffDelayMs(this.policy, failedAttempts);
    const requested = error instanceof OpenAI.APIError ? retryAfterMs(error.headers) : undefined;
    if (requested === undefined) return backoff;
    return Math.min(this.policy.maxRetryAfterMs, Math.max(requested, backoff / 4));
  }

  private async attempt<Output>(task: StructuredTask<Output>): Promise<AttemptResult<Output>> {
    const response = await this.client.chat.completions.create({
      model: this.options.model,
      messages: [{ role: 'user', content: task.prompt }],
      temperature: this.options.temperature ?? 0.6,
      max_tokens: this.options.maxTokens ?? 4096,
      response_format: {
        type: 'json_schema',
        json_schema: { name: task.schemaName, schema: task.jsonSchema, strict: true },
      },
    });
    const message = response.choices?.[0]?.message as ReasoningMessage | undefined;
    if (!message) throw new ModelUnavailableError('model server sent a completion without choices');
    const split = splitThinking(message.content ?? '');
    const serverReasoning = message.reasoning ?? message.reasoning_content ?? null;
    const reasoning = [serverReasoning, split.reasoning].filter((text): text is string => !!text).join('\n\n') || null;
    const usage = {
      promptTokens: response.usage?.prompt_tokens ?? 0,
      completionTokens: response.usage?.completion_tokens ?? 0,
    };
    try {
      return {
        kind: 'ok',
        completion: { output: parseStructuredOutput(split.answer, task.outputSchema), reasoning, usage },
      };
    } catch (error) {
      if (error instanceof ModelOutputError) return { kind: 'bad-output', error };
      throw error;
    }
  }

  async close(): Promise<void> {
    // The SDK holds no sockets of its own beyond fetch's keep-alive pool; nothing to release.
  }
}

export function createOpenAiProvider(options: OpenAiProviderOptions): ModelProvider {
  return toModelProvider(new OpenAiTaskRunner(options));
}
