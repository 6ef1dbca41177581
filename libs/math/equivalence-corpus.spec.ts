// The public-suite corpus (test/fixtures/equivalence/) is the yardstick for answer equivalence:
// every source must reach issue 11's goal (accuracy ≥ 97%, false-equivalent ≤ 1%), and the corpus
// itself must stay well formed (sources named, both kinds of pair, no pair listed twice).
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { checkAnswer } from './index.js';
import { formatFailure, formatScore, loadEquivalenceCorpus, scoreSource } from './equivalence-corpus.js';

const sources = loadEquivalenceCorpus(join(process.cwd(), 'test', 'fixtures', 'equivalence'));
const MIN_ACCURACY = 0.97;
const MAX_FALSE_EQUIVALENT = 0.01;

describe('the equivalence corpus', () => {
  it('holds at least 400 pairs from at least five sources', () => {
    expect(sources.length).toBeGreaterThanOrEqual(5);
    expect(sources.reduce((n, s) => n + s.pairs.length, 0)).toBeGreaterThanOrEqual(400);
  });

  it.each(sources.map((s) => [s.name, s] as const))('%s names its origin and has both kinds of pair', (_, source) => {
    expect(source.origin.source.length).toBeGreaterThan(0);
    if (source.origin.source !== 'written for StepGrade') expect(source.origin.files.length).toBeGreaterThan(0);
    expect(source.pairs.some((p) => p.equivalent)).toBe(true);
    expect(source.pairs.some((p) => !p.equivalent)).toBe(true);
    const keys = source.pairs.map((p) => JSON.stringify([p.expected, p.given, p.policy ?? null]));
    const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(repeated).toEqual([]);
  });
});

describe('checkAnswer on the equivalence corpus', () => {
  it.each(sources.map((s) => [s.name, s] as const))(
    `%s: accuracy ≥ ${MIN_ACCURACY * 100}%, false-equivalent ≤ ${MAX_FALSE_EQUIVALENT * 100}%`,
    (_, source) => {
      const score = scoreSource(source, (pair) => checkAnswer(pair.expected, pair.given, pair.policy));
      const report = [formatScore(score), ...score.failures.map((f) => formatFailure(source.name, f))].join('\n');
      const meets = score.accuracy >= MIN_ACCURACY && score.falseEquivalentRate <= MAX_FALSE_EQUIVALENT;
      // The report is the assertion's message: a failing source prints every pair it got wrong.
      expect(meets ? 'meets the goal' : report).toBe('meets the goal');
    },
  );
});
