// The fixture's answers do not depend on luck: whatever the weight seed or sampling temperature,
// under the JSON grammars it writes the same useful reference and the same verdict.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLlamaProvider } from '../../libs/inference/llama-provider.js';
import { FIXTURE_ANSWER, FIXTURE_STEPS, FIXTURE_THOUGHT, FIXTURE_VERDICT, writeFixtureModel } from './fixture-model.js';

describe('fixture model output', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'stepgrade-fixture-output-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const cases = [
    { weightSeed: 1, temperature: 0.6, samplingSeed: 1 },
    { weightSeed: 7, temperature: 1, samplingSeed: 2 },
    { weightSeed: 20251129, temperature: 1.5, samplingSeed: 3 },
    { weightSeed: 99, temperature: 0, samplingSeed: 4 },
  ];

  it.each(cases)(
    'weight seed $weightSeed, temperature $temperature',
    async ({ weightSeed, temperature, samplingSeed }) => {
      const modelPath = join(directory, `seed-${weightSeed}.gguf`);
      writeFixtureModel(modelPath, { seed: weightSeed });
      const provider = createLlamaProvider({
        modelPath,
        threads: 1,
        contextSize: 1024,
        maxTokens: 64,
        maxAnswerTokens: 64,
        temperature,
        seed: samplingSeed,
        maxOutputAttempts: 1,
      });
      try {
        const reference = await provider.generateReference({ problem: 'What is 1 + 3?' });
        expect({ steps: reference.steps, finalAnswer: reference.finalAnswer, reasoning: reference.reasoning }).toEqual({
          steps: FIXTURE_STEPS,
          finalAnswer: FIXTURE_ANSWER,
          reasoning: FIXTURE_THOUGHT,
        });
        const judgement = await provider.judgeStep({
          problem: 'What is 1 + 3?',
          precedingSteps: [],
          step: '1 + 3 = 5',
        });
        expect({ verdict: judgement.verdict, reason: judgement.reason }).toEqual({
          verdict: FIXTURE_VERDICT,
          reason: FIXTURE_ANSWER,
        });
      } finally {
        await provider.close();
      }
    },
  );
});
