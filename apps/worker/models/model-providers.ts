import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { createLlamaProvider, createOpenAiProvider, type ModelProvider } from '../../../libs/inference/index.js';

/**
 * One provider per enabled model pool, created at start-up: gpu talks to vLLM over the OpenAI
 * protocol, edge runs the GGUF in-process (loaded once, shared by every job of the process).
 */
@Injectable()
export class ModelProviders implements OnApplicationShutdown {
  private readonly logger = new Logger('ModelProviders');
  private readonly providers = new Map<'gpu' | 'edge', ModelProvider>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const pools = config.pools.enabled;
    if (pools.includes('gpu')) {
      const { baseUrl, apiKey, model, timeoutS, maxTokens } = config.models.openai;
      if (!baseUrl)
        throw new Error('WORKER_POOL includes gpu but OPENAI_BASE_URL is not set (e.g. http://vllm:8000/v1)');
      this.providers.set(
        'gpu',
        createOpenAiProvider({ baseURL: baseUrl, apiKey, model, timeoutMs: timeoutS * 1000, maxTokens }),
      );
    }
    if (pools.includes('edge')) {
      const { modelPath, threads, contextSize, maxTokens } = config.models.gguf;
      if (!modelPath)
        throw new Error('WORKER_POOL includes edge but GGUF_MODEL_PATH is not set (npm run model:pull downloads one)');
      this.providers.set(
        'edge',
        createLlamaProvider({ modelPath, threads, contextSize, maxTokens, sequences: config.pools.concurrency.edge }),
      );
    }
  }

  get(pool: 'gpu' | 'edge'): ModelProvider {
    const provider = this.providers.get(pool);
    if (!provider) throw new Error(`no model provider for pool ${pool}`);
    return provider;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const [pool, provider] of this.providers) {
      await provider.close().catch((error: Error) => this.logger.warn(`closing the ${pool} model: ${error.message}`));
    }
  }
}
