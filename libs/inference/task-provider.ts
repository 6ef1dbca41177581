// Both providers only know how to run one structured task; this adapter turns that into the
// ModelProvider interface, timing each call and stamping it with model id and prompt version.
import type {
  JudgeStepInput,
  JudgeStepResult,
  ModelProvider,
  ReferenceInput,
  ReferenceResult,
  TokenUsage,
} from './model-provider.js';
import { judgeTask, PROMPT_VERSION, referenceTask, type StructuredTask } from './prompts.js';

export interface TaskCompletion<Output> {
  output: Output;
  reasoning: string | null;
  usage: TokenUsage;
}

export interface StructuredTaskRunner {
  readonly id: string;
  run<Output>(task: StructuredTask<Output>): Promise<TaskCompletion<Output>>;
  close(): Promise<void>;
}

export function toModelProvider(runner: StructuredTaskRunner): ModelProvider {
  const timed = async <Output>(task: StructuredTask<Output>) => {
    const startedAt = performance.now();
    const completion = await runner.run(task);
    const meta = {
      reasoning: completion.reasoning,
      usage: completion.usage,
      durationMs: performance.now() - startedAt,
      model: runner.id,
      promptVersion: PROMPT_VERSION,
    };
    return { output: completion.output, meta };
  };
  return {
    id: runner.id,
    async generateReference(input: ReferenceInput): Promise<ReferenceResult> {
      const { output, meta } = await timed(referenceTask(input));
      return { steps: output.steps, finalAnswer: output.final_answer, ...meta };
    },
    async judgeStep(input: JudgeStepInput): Promise<JudgeStepResult> {
      const { output, meta } = await timed(judgeTask(input));
      return { verdict: output.verdict, reason: output.reason, ...meta };
    },
    close: () => runner.close(),
  };
}
