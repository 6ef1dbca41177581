// `npm run bench [-- name ...]`: runs the benchmarks and prints their figures (never asserts).
import { benchGrading } from './grading.bench.js';
import { benchIngest } from './ingest.bench.js';

type Bench = () => Promise<Record<string, number>>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  ingest: async () => benchIngest,
  grading: async () => benchGrading,
  'step-checker': async () => (await import('../libs/grading/check-steps.bench.js')).benchStepChecker,
  equivalence: async () => (await import('./equivalence-corpus.bench.js')).benchEquivalenceCorpus,
  inference: async () => (await import('../libs/inference/inference.bench.js')).benchInference,
};

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
for (const name of names) {
  const load = BENCHES[name];
  if (!load) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  const started = Date.now();
  const figures = await (await load())();
  console.log(`\n== ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const [metric, value] of Object.entries(figures)) console.log(`${metric.padEnd(48)} ${value}`);
}
