import type { TokenUsage } from '../../../libs/inference/index.js';
import type { WorkerMetrics } from '../../../libs/observability/index.js';
import type { ModelProviders } from '../models/model-providers.js';

/**
 * The pool's model providers with token counting around each call: every result carries its
 * usage, which goes to stepgrade_model_tokens_total{pool, kind}.
 */
export function meteredModelProviders(providers: ModelProviders, metrics: WorkerMetrics): ModelProviders {
  const count = (pool: string, usage: TokenUsage | undefined) => {
    if (!usage) return;
    metrics.modelTokens.inc({ pool, kind: 'prompt' }, usage.promptTokens);
    metrics.modelTokens.inc({ pool, kind: 'completion' }, usage.completionTokens);
  };
  const metered = Object.create(providers) as ModelProviders;
  metered.get = (pool) => {
    const provider = providers.get(pool);
    return Object.assign(Object.create(provider), {
      generateReference: async (input: Parameters<typeof provider.generateReference>[0]) => {
        const result = await provider.generateReference(input);
        count(pool, result.usage);
        return result;
      },
      judgeStep: async (input: Parameters<typeof provider.judgeStep>[0]) => {
        const result = await provider.judgeStep(input);
        count(pool, result.usage);
        return result;
      },
    });
  };
  return metered;
}
