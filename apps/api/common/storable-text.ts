import { z } from 'zod';

// Postgres text cannot hold U+0000, and a lone UTF-16 surrogate is not valid UTF-8: either one in a
// stored string made the insert fail with a 500 (and failed a whole batch). Text input is refused up
// front instead, with the field named, so only the offending row is rejected. This file is the one
// rule: the zod schemas use storableText(), and StorableTextInterceptor applies findUnstorable() to
// every route's body, query and path parameters.
const NOT_STORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const NOT_STORABLE_MESSAGE = 'must not contain NUL characters or unpaired surrogates';

export function isStorableText(value: string): boolean {
  return !NOT_STORABLE.test(value);
}

/** A string that Postgres can store: no NUL character, no unpaired surrogate. */
export function storableText() {
  return z.string().refine(isStorableText, NOT_STORABLE_MESSAGE);
}

const MAX_DEPTH = 64;

/**
 * The path (`answers.0.steps.2`, '' for the value itself) of the first string or object key in a
 * parsed JSON, form or query value that Postgres cannot store, or null when all can be (a streamed
 * upload is checked row by row by its reader); past MAX_DEPTH the zod schemas refuse the shape anyway.
 */
export function findUnstorable(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path.join('.');
  if (path.length > MAX_DEPTH || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorable(item, [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  // A streamed upload (an async iterable) or raw bytes are not text yet. Parsed query and path
  // objects come with a null-prototype class as their prototype, so the prototype is not checked.
  if (Symbol.asyncIterator in value || ArrayBuffer.isView(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    if (!isStorableText(key)) return [...path, key].join('.');
    const found = findUnstorable(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}
