// A batch grades many students on the same problem: its statement is read into a context once
// per revision (the statement and its definitions) and every reading gets its own copy, so one
// student's values never reach another's. Bounded, least recently used first out.
import { rethrowUnlessMathLimit } from './math-errors.js';
import { buildProblemContext } from './problem-context.js';
import type { StudentContext } from './student-context.js';

const MAX_PROBLEMS = 256;
const templates = new Map<string, StudentContext>();

/** A fresh context for the problem, equal to `buildProblemContext`'s, built from a cached template. */
export function problemContextFor(statement: string, definitions: Record<string, string> | undefined): StudentContext {
  const key = JSON.stringify([statement, definitions ?? null]);
  let template = templates.get(key);
  if (template) templates.delete(key);
  else template = readProblem(statement, definitions);
  templates.set(key, template);
  if (templates.size > MAX_PROBLEMS) templates.delete(templates.keys().next().value as string);
  return template.clone();
}

/** A statement past the math limits gives an empty context (cached too, so it is not re-read): steps are still checked on their own. */
function readProblem(statement: string, definitions: Record<string, string> | undefined): StudentContext {
  try {
    return buildProblemContext(statement, definitions);
  } catch (error) {
    rethrowUnlessMathLimit(error);
    return buildProblemContext('', undefined);
  }
}

/** How many problems have a template now (for tests of the bound). */
export function cachedProblemCount(): number {
  return templates.size;
}
