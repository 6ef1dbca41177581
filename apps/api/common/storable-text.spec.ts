// Protects the one text rule: the first string or key Postgres cannot store is found, by path, in any
// parsed body or query (plain objects, null-prototype query objects, arrays), and nothing else is.
import { describe, expect, it } from '@jest/globals';
import { findUnstorable } from './storable-text.js';

describe('findUnstorable', () => {
  it.each([
    ['a NUL in a string', 'a\u0000', ''],
    ['a nested lone high surrogate', { answers: [{ steps: ['ok', 'x\uD83D'] }] }, 'answers.0.steps.1'],
    ['a lone low surrogate in a key', { definitions: { 'k\uDE00': '1' } }, 'definitions.k\uDE00'],
    ['a NUL in a null-prototype query', Object.assign(Object.create(null), { cursor: '\u0000' }), 'cursor'],
    ['a NUL in a path object', Object.assign(Object.create(Object.create(null)), { id: 'x\u0000' }), 'id'],
  ])('%s', (_label, value, path) => {
    expect(findUnstorable(value)).toBe(path);
  });

  it.each([
    ['emoji', { title: 'x 😀' }],
    ['other control characters', { title: '\t\u0001\u001f\u007f' }],
    ['numbers, booleans, null', { a: 1, b: true, c: null, d: [1, 2] }],
    ['a stream (left to its reader)', { async *[Symbol.asyncIterator]() {}, text: '\u0000' }],
    ['bytes', Buffer.from('\u0000')],
  ])('accepts %s', (_label, value) => {
    expect(findUnstorable(value)).toBeNull();
  });
});
