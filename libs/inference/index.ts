// Public surface of libs/inference: the provider interface, its two implementations, the
// versioned prompts/schemas, and the errors workers classify (permanent vs transient).
export type {
  JudgeStepInput,
  JudgeStepResult,
  ModelProvider,
  ModelResultMeta,
  ReferenceInput,
  ReferenceResult,
  StepVerdict,
  TokenUsage,
} from './model-provider.js';
export { createOpenAiProvider, type OpenAiProviderOptions } from './openai-provider.js';
export { createLlamaProvider, type LlamaProvider, type LlamaProviderOptions } from './llama-provider.js';
export type { LlamaGpuSetting } from './llama-model-cache.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
export { JUDGE_JSON_SCHEMA, PROMPT_VERSION, REFERENCE_JSON_SCHEMA, judgeTask, referenceTask } from './prompts.js';
export {
  InferenceError,
  ModelLoadError,
  ModelOutputError,
  ModelRequestError,
  ModelUnavailableError,
} from './errors.js';
