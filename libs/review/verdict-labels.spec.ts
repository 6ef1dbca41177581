// Protects the method words a teacher reads beside each verdict: every method the grader emits has
// words of its own, and an unknown method is shown as it is (never dropped).
import { describe, expect, it } from '@jest/globals';
import { methodLabel } from './verdict-labels.js';

describe('methodLabel', () => {
  it.each([
    ['answer_key', 'decided by the answer key'],
    ['cas', 'checked by CAS'],
    ['llm', 'a model&#39;s opinion, not a verdict'],
    ['reference', 'compared with the reference'],
  ])('%s reads as "%s"', (method, words) => {
    expect(String(methodLabel(method))).toContain(words);
  });

  it('shows an unknown method as written', () => {
    expect(String(methodLabel('symbolic_v2'))).toContain('>symbolic_v2<');
  });
});
