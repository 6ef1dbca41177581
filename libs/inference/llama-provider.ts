// The edge pool's provider: a GGUF model in-process through node-llama-cpp. A JSON-schema grammar
// from the first token would stop an R1 model from thinking, so each task runs in two turns on the
// same sequence: first the model reasons freely (bounded by a thought budget and maxTokens), then
// a short follow-up turn is constrained by the grammar to produce the JSON answer. The `<think>`
// segments of the first turn are kept as the reasoning trace.
import { basename } from 'node:path';
import {
  DeepSeekChatWrapper,
  LlamaChatSession,
  resolveChatWrapper,
  type ChatWrapper,
  type GbnfJsonSchema,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaGrammar,
  type LlamaModel,
} from 'node-llama-cpp';
import {
  InferenceError,
  ModelLoadError,
  ModelOutputError,
  ModelRequestError,
  ModelUnavailableError,
} from './errors.js';
import { acquireModel, releaseModel, type LlamaGpuSetting, type LoadedModel } from './llama-model-cache.js';
import type { ModelProvider } from './model-provider.js';
import type { StructuredTask } from './prompts.js';
import { SequencePool } from './sequence-pool.js';
import { parseStructuredOutput } from './structured-output.js';
import { toModelProvider, type StructuredTaskRunner, type TaskCompletion } from './task-provider.js';

export interface LlamaProviderOptions {
  modelPath: string;
  /** stored with results; defaults to the file name without `.gguf` */
  modelId?: string;
  /** CPU threads for this context; more threads than cores is drastically slower */
  threads?: number;
  /** tokens per sequence */
  contextSize?: number;
  /** parallel jobs (one sequence each); on CPU they take turns, so 1-2 is plenty */
  sequences?: number;
  gpu?: LlamaGpuSetting;
  /** cap on thinking before the model must answer */
  maxThoughtTokens?: number;
  /** cap on the whole free-reasoning turn, thinking included */
  maxTokens?: number;
  /** cap on the grammar-constrained JSON turn */
  maxAnswerTokens?: number;
  temperature?: number;
  seed?: number;
  /** wall-clock limit per task */
  timeoutMs?: number;
  /** tries when the constrained answer still fails validation (e.g. cut off at maxAnswerTokens) */
  maxOutputAttempts?: number;
}

export interface LlamaProvider extends ModelProvider {
  /** Loads the model now (instead of on the first job), surfacing a ModelLoadError early. */
  warmUp(): Promise<void>;
}

/** Special tokens and turn markers the chat template adds around the two turns. */
const CHAT_TEMPLATE_OVERHEAD_TOKENS = 32;

interface ReadyState {
  loaded: LoadedModel;
  context: LlamaContext;
  sequences: SequencePool<LlamaContextSequence>;
  chatWrapper: ChatWrapper;
}

/** Keep the thought in the history so the constrained turn sees the full reasoning. */
function chatWrapperFor(model: LlamaModel): ChatWrapper {
  const resolved = resolveChatWrapper(model);
  return resolved instanceof DeepSeekChatWrapper ? new DeepSeekChatWrapper({ keepOnlyLastThought: false }) : resolved;
}

function thoughtText(response: ReadonlyArray<unknown>): string | null {
  const thoughts = response
    .filter(
      (item): item is { type: 'segment'; segmentType: string; text: string } =>
        typeof item === 'object' && item !== null && (item as { type?: string }).type === 'segment',
    )
    .filter((segment) => segment.segmentType === 'thought')
    .map((segment) => segment.text.trim())
    .filter((text) => text.length > 0);
  return thoughts.length > 0 ? thoughts.join('\n\n') : null;
}

class LlamaTaskRunner implements StructuredTaskRunner {
  readonly id: string;
  private ready: Promise<ReadyState> | undefined;
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();
  private readonly shutdown = new AbortController();
  private readonly maxTokens: number;
  private readonly maxAnswerTokens: number;

  constructor(private readonly options: LlamaProviderOptions) {
    this.id = options.modelId ?? basename(options.modelPath).replace(/\.gguf$/i, '');
    this.maxTokens = options.maxTokens ?? 1536;
    this.maxAnswerTokens = options.maxAnswerTokens ?? 512;
  }

  warmUp(): Promise<ReadyState> {
    if (this.shutdown.signal.aborted) return Promise.reject(new ModelUnavailableError('llama provider is closed'));
    if (!this.ready) {
      this.ready = this.open();
      this.ready.catch(() => (this.ready = undefined));
    }
    return this.ready;
  }

  private async open(): Promise<ReadyState> {
    const { modelPath, gpu = false, sequences = 1 } = this.options;
    const loaded = await acquireModel(modelPath, gpu);
    try {
      const context = await loaded.model.createContext({
        contextSize: this.options.contextSize ?? 4096,
        sequences,
        threads: this.options.threads ?? 1,
      });
      const pool = new SequencePool(Array.from({ length: sequences }, () => context.getSequence()));
      return { loaded, context, sequences: pool, chatWrapper: chatWrapperFor(loaded.model) };
    } catch (error) {
      await releaseModel(modelPath);
      throw new ModelLoadError(`cannot create a context for ${modelPath}: ${(error as Error).message}`, modelPath, {
        cause: error,
      });
    }
  }

  private grammarFor(state: ReadyState, task: StructuredTask<unknown>): Promise<LlamaGrammar> {
    let grammar = this.grammars.get(task.schemaName);
    if (!grammar) {
      // The schemas in prompts.ts stay within the subset node-llama-cpp's grammar builder supports.
      grammar = state.loaded.llama.createGrammarForJsonSchema(task.jsonSchema as Readonly<GbnfJsonSchema> as never);
      this.grammars.set(task.schemaName, grammar);
    }
    return grammar;
  }

  async run<Output>(task: StructuredTask<Output>): Promise<TaskCompletion<Output>> {
    const state = await this.warmUp();
    const maxOutputAttempts = this.options.maxOutputAttempts ?? 2;
    return state.sequences.use(async (sequence) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.generate(state, sequence, task);
        } catch (error) {
          if (!(error instanceof ModelOutputError) || attempt >= maxOutputAttempts) throw error;
        }
      }
    });
  }

  private async generate<Output>(
    state: ReadyState,
    sequence: LlamaContextSequence,
    task: StructuredTask<Output>,
  ): Promise<TaskCompletion<Output>> {
    this.checkFitsContext(state, task);
    const meterBefore = sequence.tokenMeter.getState();
    const session = new LlamaChatSession({
      contextSequence: sequence,
      chatWrapper: state.chatWrapper,
      autoDisposeSequence: false,
    });
    const timeoutMs = this.options.timeoutMs ?? 10 * 60_000;
    const signal = AbortSignal.any([this.shutdown.signal, AbortSignal.timeout(timeoutMs)]);
    const sampling = { temperature: this.options.temperature ?? 0.6, seed: this.options.seed, signal };
    try {
      const reasoningTurn = await session.promptWithMeta(task.prompt, {
        ...sampling,
        maxTokens: this.maxTokens,
        budgets: { thoughtTokens: this.options.maxThoughtTokens ?? 1024 },
      });
      const grammar = await this.grammarFor(state, task as StructuredTask<unknown>);
      const answerTurn = await session.promptWithMeta(task.finalizePrompt, {
        ...sampling,
        grammar,
        maxTokens: this.maxAnswerTokens,
      });
      const output = parseStructuredOutput(answerTurn.responseText, task.outputSchema);
      const used = sequence.tokenMeter.diff(meterBefore);
      return {
        output,
        reasoning: thoughtText(reasoningTurn.response),
        usage: { promptTokens: used.usedInputTokens, completionTokens: used.usedOutputTokens },
      };
    } catch (error) {
      if (error instanceof InferenceError) throw error;
      if (signal.aborted) {
        const why = this.shutdown.signal.aborted ? 'provider closed' : `exceeded ${timeoutMs} ms`;
        throw new ModelUnavailableError(`edge generation stopped: ${why}`, undefined, { cause: error });
      }
      throw error;
    } finally {
      session.dispose({ disposeSequence: false });
    }
  }

  /**
   * node-llama-cpp silently drops the start of a chat that does not fit its context (and the
   * model then answers nonsense), so a prompt too long for the configured budget fails clearly.
   */
  private checkFitsContext(state: ReadyState, task: StructuredTask<unknown>): void {
    const promptTokens =
      state.loaded.model.tokenize(task.prompt).length + state.loaded.model.tokenize(task.finalizePrompt).length;
    const needed = promptTokens + this.maxTokens + this.maxAnswerTokens + CHAT_TEMPLATE_OVERHEAD_TOKENS;
    if (needed > state.context.contextSize) {
      throw new ModelRequestError(
        `prompt needs ${needed} tokens with the generation limits, context holds ${state.context.contextSize}`,
        413,
      );
    }
  }

  async close(): Promise<void> {
    if (this.shutdown.signal.aborted) return;
    this.shutdown.abort();
    const ready = this.ready;
    this.ready = undefined;
    const state = await ready?.catch(() => undefined);
    if (!state) return;
    await state.context.dispose();
    await releaseModel(this.options.modelPath);
  }
}

export function createLlamaProvider(options: LlamaProviderOptions): LlamaProvider {
  const runner = new LlamaTaskRunner(options);
  return { ...toModelProvider(runner), warmUp: async () => void (await runner.warmUp()) };
}
