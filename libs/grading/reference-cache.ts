// A batch grades many students against the same reference solution: its steps are read into
// claims once per problem and reference (the claims only ever get read, never changed), instead of
// once per student. Bounded, least recently used first out, like the problem contexts.
import type { ReferenceInput } from './grading.types.js';
import type { ReferenceStep } from './reference-compare.js';
import { readReference } from './reference-compare.js';
import { problemContextFor } from './problem-context-cache.js';

const MAX_REFERENCES = 256;
const readings = new Map<string, readonly ReferenceStep[]>();

/** The reference's steps read into claims, as `readReference` reads them, from a cached reading. */
export function referenceFor(
  problem: string,
  definitions: Record<string, string> | undefined,
  reference: ReferenceInput,
): readonly ReferenceStep[] {
  const key = JSON.stringify([problem, definitions ?? null, reference.steps]);
  let reading = readings.get(key);
  if (reading) readings.delete(key);
  else reading = Object.freeze(readReference(reference, () => problemContextFor(problem, definitions)));
  readings.set(key, reading);
  if (readings.size > MAX_REFERENCES) readings.delete(readings.keys().next().value as string);
  return reading;
}

/** How many references have a reading now (for tests of the bound). */
export function cachedReferenceCount(): number {
  return readings.size;
}
