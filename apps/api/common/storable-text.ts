import { z } from 'zod';

// Postgres text cannot hold U+0000, and a lone UTF-16 surrogate is not valid UTF-8: either one in a
// stored string made the insert fail with a 500 (and failed a whole batch). Text input is refused up
// front instead, with the field named, so only the offending row is rejected.
const NOT_STORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !NOT_STORABLE.test(value);
}

/** A string that Postgres can store: no NUL character, no unpaired surrogate. */
export function storableText() {
  return z.string().refine(isStorableText, 'must not contain NUL characters or unpaired surrogates');
}
