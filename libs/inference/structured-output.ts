// Turns a model's answer text into a schema-valid object, or a ModelOutputError saying why not.
import type { z } from 'zod';
import { ModelOutputError } from './errors.js';

/** Tolerates what constrained decoding still lets through: surrounding blanks or a code fence. */
function stripFence(text: string): string {
  const trimmed = text.trim();
  const fenced = trimmed.match(/^```(?:json)?\s*([\s\S]*?)\s*```$/);
  return fenced ? fenced[1]! : trimmed;
}

export function parseStructuredOutput<Output>(text: string, schema: z.ZodType<Output>): Output {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripFence(text));
  } catch (error) {
    throw new ModelOutputError(`model output is not JSON: ${(error as Error).message}`, text, { cause: error });
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ModelOutputError(`model output does not match the schema: ${problems.join('; ')}`, text);
  }
  return result.data;
}
