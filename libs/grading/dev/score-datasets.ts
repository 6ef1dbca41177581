// Development scorer: runs checkAnswer/checkSteps in-process on a directory of labelled data sets
// (answers.jsonl, *-first-error.jsonl, ...) and prints the same figures as the data sets' own
// score.mjs (which goes through the CLI). The directory is an argument because the data sets live
// outside the repository: a clone does not have them.
// Usage: npm run build && node dist/libs/grading/dev/score-datasets.js DATASETS_DIR [--only NAME] [--misses N]
import fs from 'node:fs';
import path from 'node:path';
import { checkAnswer } from '../../math/index.js';
import { checkSteps } from '../index.js';

interface Row {
  [key: string]: unknown;
}

const args = process.argv.slice(2);
const USAGE = 'usage: node dist/libs/grading/dev/score-datasets.js DATASETS_DIR [--only NAME] [--misses N]';
// the directory is the one argument that is neither a flag nor a flag's value
const dirArg = args.find((a, i) => !a.startsWith('--') && !(i > 0 && ['--only', '--misses'].includes(args[i - 1])));
if (!dirArg) {
  console.error(`${USAGE}\nDATASETS_DIR is the directory holding answers.jsonl and the *-first-error.jsonl files.`);
  process.exit(2);
}
const dir = path.resolve(dirArg);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const showMisses = args.includes('--misses') ? Number(args[args.indexOf('--misses') + 1]) : 0;

const read = (file: string): Row[] =>
  fs
    .readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

function answers(): void {
  const rows = read('answers.jsonl');
  let correct = 0;
  for (const r of rows) {
    const got = checkAnswer(String(r.expected), String(r.given));
    if (got.equivalent === r.equivalent) correct++;
    else if (showMisses)
      console.log(
        '  miss',
        r.id,
        JSON.stringify(r.expected).slice(0, 80),
        '|',
        JSON.stringify(r.given).slice(0, 80),
        'gold',
        r.equivalent,
        got.reason.slice(0, 80),
      );
  }
  console.log(`answers: accuracy ${pct(correct, rows.length)} (${correct}/${rows.length})`);
}

function solutions(): void {
  const rows = read('gsm8k-solutions.jsonl');
  let agree = 0,
    incorrect = 0,
    flagged = 0,
    correctSolutions = 0,
    falselyFlagged = 0,
    shown = 0;
  const started = Date.now();
  for (const r of rows) {
    const out = checkSteps({ problem: String(r.problem), steps: r.steps as string[], answer: r.answer as string });
    if ((out.finalAnswer.verdict === 'correct') === r.isCorrect) agree++;
    const anyIncorrect = out.steps.some((s) => s.verdict === 'incorrect');
    if (!r.isCorrect) {
      incorrect++;
      if (anyIncorrect) flagged++;
    } else {
      correctSolutions++;
      if (anyIncorrect) {
        falselyFlagged++;
        if (shown++ < showMisses) {
          const bad = out.steps.find((s) => s.verdict === 'incorrect')!;
          console.log('  false flag', r.id, JSON.stringify(bad.text).slice(0, 160), '->', bad.reason.slice(0, 100));
        }
      }
    }
  }
  console.log(
    `gsm8k-solutions: ${rows.length} in ${Date.now() - started} ms; final-answer accuracy ${pct(agree, rows.length)}; incorrect flagged ${pct(flagged, incorrect)}; correct wrongly flagged ${pct(falselyFlagged, correctSolutions)} (${falselyFlagged}/${correctSolutions})`,
  );
}

function firstError(file: string): void {
  const rows = read(file);
  const acc = { clean: [0, 0], perturbed: [0, 0] };
  let shown = 0;
  const started = Date.now();
  for (const r of rows) {
    const out = checkSteps({ problem: String(r.problem), steps: r.steps as string[], answer: r.answer as string });
    const kind = r.firstErrorStep === null ? 'clean' : 'perturbed';
    acc[kind][1]++;
    if (out.firstErrorStep === r.firstErrorStep) acc[kind][0]++;
    else if (shown++ < showMisses) {
      const at = out.firstErrorStep ?? (r.firstErrorStep as number);
      const step = out.steps[at];
      console.log(
        `  miss ${r.id} want ${r.firstErrorStep} got ${out.firstErrorStep}: ${JSON.stringify(step?.text ?? '').slice(0, 200)} -> ${step?.verdict} ${step?.reason.slice(0, 120)}`,
      );
    }
  }
  const a = acc.clean[0] / acc.clean[1];
  const b = acc.perturbed[0] / acc.perturbed[1];
  console.log(
    `${file}: ${rows.length} in ${Date.now() - started} ms; clean ${pct(acc.clean[0], acc.clean[1])}, perturbed ${pct(acc.perturbed[0], acc.perturbed[1])}, F1 ${((200 * a * b) / (a + b)).toFixed(1)}`,
  );
}

if (!only || only === 'answers') answers();
if (!only || only === 'gsm8k-solutions') solutions();
if (!only || only === 'gsm8k-first-error') firstError('gsm8k-first-error.jsonl');
if (!only || only === 'math500-first-error') firstError('math500-first-error.jsonl');
