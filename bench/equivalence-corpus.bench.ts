// Answer equivalence on the public-suite corpus (test/fixtures/equivalence/): per source n,
// accuracy, false-equivalent and missed-equivalent rates, time per pair, and every failure.
// `npm run bench -- equivalence` (after `npm run build`), from the repository root.
import { join } from 'node:path';
import { checkAnswer } from '../libs/math/index.js';
import type { CorpusPair } from '../libs/math/equivalence-corpus.js';
import { formatFailure, formatScore, loadEquivalenceCorpus, scoreSource } from '../libs/math/equivalence-corpus.js';

export async function benchEquivalenceCorpus(): Promise<Record<string, number>> {
  const sources = loadEquivalenceCorpus(join(process.cwd(), 'test', 'fixtures', 'equivalence'));
  const times: number[] = [];
  const judge = (pair: CorpusPair) => {
    const started = process.hrtime.bigint();
    const verdict = checkAnswer(pair.expected, pair.given, pair.policy);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    return verdict;
  };
  const scores = sources.map((source) => scoreSource(source, judge));
  for (const score of scores) {
    for (const failure of score.failures) console.log(formatFailure(score.name, failure));
  }
  console.log('');
  for (const score of scores) console.log(formatScore(score));
  const all = scores.reduce(
    (sum, s) => ({
      n: sum.n + s.n,
      wrong: sum.wrong + s.failures.length,
      falseEq: sum.falseEq + s.failures.filter((f) => f.said).length,
      negatives: sum.negatives + s.negatives,
      missed: sum.missed + s.failures.filter((f) => !f.said).length,
      positives: sum.positives + s.positives,
    }),
    { n: 0, wrong: 0, falseEq: 0, negatives: 0, missed: 0, positives: 0 },
  );
  times.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 1000) / 10;
  return {
    pairs: all.n,
    'accuracy %': round((all.n - all.wrong) / all.n),
    'false-equivalent % (of non-equivalent pairs)': round(all.falseEq / all.negatives),
    'missed-equivalent % (of equivalent pairs)': round(all.missed / all.positives),
    'median ms per pair': Math.round(times[Math.floor(times.length / 2)] * 1000) / 1000,
    'p99 ms per pair': Math.round(times[Math.floor(times.length * 0.99)] * 1000) / 1000,
  };
}
