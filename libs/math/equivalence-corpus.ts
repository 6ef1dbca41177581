// The answer-equivalence corpus in test/fixtures/equivalence/: one `<source>.jsonl` of
// {expected, given, equivalent, policy?, note?} lines per public test suite, beside a
// `<source>.source.json` naming the repository, files, commit and licence it came from.
// Loading and scoring live here so the spec and the benchmark report the same figures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const pairSchema = z.object({
  expected: z.string(),
  given: z.string(),
  equivalent: z.boolean(),
  policy: z
    .object({
      relativeTolerance: z.number().positive().optional(),
      acceptRoundedTo: z.number().int().min(0).nullable().optional(),
    })
    .optional(),
  note: z.string().optional(),
});

const originSchema = z.object({
  source: z.string().min(1),
  files: z.array(z.object({ path: z.string().min(1), commit: z.string().regex(/^[0-9a-f]{40}$/) })),
  licence: z.string().min(1),
  derivation: z.string().min(1),
});

export type CorpusPair = z.infer<typeof pairSchema> & { line: number };
export type CorpusOrigin = z.infer<typeof originSchema>;

export interface CorpusSource {
  name: string;
  origin: CorpusOrigin;
  pairs: CorpusPair[];
}

/** Every source in `dir`; a malformed line or a missing source file throws (the corpus is ours to fix). */
export function loadEquivalenceCorpus(dir: string): CorpusSource[] {
  const names = readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .map((file) => file.slice(0, -'.jsonl'.length))
    .sort();
  return names.map((name) => {
    const origin = originSchema.parse(JSON.parse(readFileSync(join(dir, `${name}.source.json`), 'utf8')));
    const lines = readFileSync(join(dir, `${name}.jsonl`), 'utf8').split('\n');
    const pairs: CorpusPair[] = [];
    lines.forEach((text, index) => {
      if (text.trim() === '') return;
      const parsed = pairSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`${name}.jsonl line ${index + 1}: ${parsed.error.message}`);
      pairs.push({ ...parsed.data, line: index + 1 });
    });
    return { name, origin, pairs };
  });
}

export interface CorpusFailure {
  pair: CorpusPair;
  said: boolean;
  reason: string;
}

export interface SourceScore {
  name: string;
  n: number;
  positives: number;
  negatives: number;
  accuracy: number;
  /** Said equivalent on a non-equivalent pair, over the non-equivalent pairs: a wrong answer earns credit. */
  falseEquivalentRate: number;
  /** Said not equivalent on an equivalent pair, over the equivalent pairs. */
  missedEquivalentRate: number;
  failures: CorpusFailure[];
}

export type Judge = (pair: CorpusPair) => { equivalent: boolean; reason: string };

export function scoreSource(source: CorpusSource, judge: Judge): SourceScore {
  const failures: CorpusFailure[] = [];
  let falseEquivalent = 0;
  let missed = 0;
  for (const pair of source.pairs) {
    const verdict = judge(pair);
    if (verdict.equivalent === pair.equivalent) continue;
    failures.push({ pair, said: verdict.equivalent, reason: verdict.reason });
    if (verdict.equivalent) falseEquivalent++;
    else missed++;
  }
  const positives = source.pairs.filter((p) => p.equivalent).length;
  const negatives = source.pairs.length - positives;
  return {
    name: source.name,
    n: source.pairs.length,
    positives,
    negatives,
    accuracy: ratio(source.pairs.length - failures.length, source.pairs.length),
    falseEquivalentRate: ratio(falseEquivalent, negatives),
    missedEquivalentRate: ratio(missed, positives),
    failures,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export function formatScore(score: SourceScore): string {
  return (
    `${score.name.padEnd(22)} n=${String(score.n).padStart(4)} accuracy ${percent(score.accuracy).padStart(6)}` +
    `  false-equivalent ${percent(score.falseEquivalentRate).padStart(6)}` +
    `  missed-equivalent ${percent(score.missedEquivalentRate).padStart(6)}`
  );
}

export function formatFailure(name: string, failure: CorpusFailure): string {
  const { pair } = failure;
  const policy = pair.policy ? ` policy=${JSON.stringify(pair.policy)}` : '';
  return (
    `${name}.jsonl:${pair.line} expected ${JSON.stringify(pair.expected)} given ${JSON.stringify(pair.given)}` +
    `${policy}: labelled ${pair.equivalent}, said ${failure.said} (${failure.reason})`
  );
}
