// R1 thinking is kept as reasoning and removed from the answer, whether it arrives as a full
// <think> block, as a dangling </think> (template opened the tag), or not at all.
import { describe, expect, it } from '@jest/globals';
import { splitThinking } from './reasoning.js';

describe('splitThinking', () => {
  it.each([
    ['<think>\nfirst derive\n</think>\n\n{"a":1}', 'first derive', '{"a":1}'],
    ['derive f\n</think>{"a":1}', 'derive f', '{"a":1}'],
    ['{"a":1}', null, '{"a":1}'],
    ['<think></think>{"a":1}', null, '{"a":1}'],
  ])('splits %j', (content, reasoning, answer) => {
    expect(splitThinking(content)).toEqual({ reasoning, answer });
  });
});
