// Step-checker throughput on a realistic mix (worked extrema solutions, prose word problems,
// generated arithmetic and algebra steps): step checks per second on one core, and p50/p99 time
// per 10-step submission. Wired into `npm run bench` by the lead.
import type { CheckStepsInput } from './index.js';
import { checkSteps } from './index.js';
import { casClockReading, resetCasClock } from '../../libs/math/index.js';

const EXTREMA: CheckStepsInput = {
  problem: '已知函数 f(x) = x^3 - 3x^2 + 2,求其在区间 [-1, 3] 上的最大值和最小值。',
  definitions: { 'f(x)': 'x^3 - 3x^2 + 2' },
  answer: 'max = 2, min = -2',
  steps: [
    "f'(x) = 3x^2 - 6x",
    "Set f'(x) = 0: 3x^2 - 6x = 0",
    '3x(x - 2) = 0, so x = 0 or x = 2',
    'f(-1) = -1 - 3 + 2 = -2',
    'f(0) = 2',
    'f(2) = 8 - 12 + 2 = -2',
    'f(3) = 27 - 27 + 2 = 2',
    '最大值:$ \\max\\{-2, 2, -2, 2\\} = 2 $,出现在 $ x = 0 $ 和 $ x = 3 $',
    '当 $ x = -1 $: $ f(-1) = (-1)^3 - 3(-1)^2 + 2 = -2 $',
    'So the maximum is 2 and the minimum is -2.',
  ],
};

/** Deterministic generator (no Math.random): the same mix every run. */
function generated(seed: number): CheckStepsInput {
  const a = 12 + (seed % 37);
  const b = 3 + (seed % 11);
  const price = 1000 + seed * 7;
  return {
    problem: `A shop sells ${a} boxes of ${b} pens at $${price.toLocaleString('en-US')} each. Solve x^2 - ${b * b} = 0.`,
    answer: String(a * b),
    steps: [
      `There are ${a} boxes * ${b} pens = ${a * b} pens.`,
      `The discount is 15% of $${price.toLocaleString('en-US')} = $${(price * 0.15).toFixed(2)}.`,
      `${a * b} - ${b} = ${a * b - b} pens are left, and ${a * b - b} / ${b} = ${a - 1}.`,
      `x^2 - ${b * b} = 0`,
      `(x - ${b})(x + ${b}) = 0`,
      `x = ${b} or x = -${b}`,
      `$\\frac{${a * 2}}{2} = ${a}$`,
      `${a} \\times ${b} = ${a * b + (seed % 5 === 0 ? 1 : 0)}`,
      `Half of the rest is ${a * b} / 2 = ${(a * b) / 2}.`,
      `A: ${a * b}`,
    ],
  };
}

/**
 * The same mix with a teacher's worked reference, a third of it ending on a wrong answer whose
 * every line is true (so the first-divergence rule runs on it).
 */
function withReference(seed: number): CheckStepsInput {
  const base = generated(seed);
  const a = 12 + (seed % 37);
  const b = 3 + (seed % 11);
  const steps =
    seed % 3 === 0 ? [...base.steps.slice(0, 8), `${a * b} + ${b} = ${a * b + b}`, `A: ${a * b + b}`] : base.steps;
  return {
    ...base,
    steps,
    reference: {
      steps: [`${a} × ${b} = ${a * b} pens`, `${a * b} - ${b} = ${a * b - b}`, `${a * b - b} / ${b} = ${a - 1}`],
      answer: String(a * b),
    },
  };
}

export async function benchStepChecker(): Promise<Record<string, number>> {
  const plain = run([EXTREMA, ...Array.from({ length: 199 }, (_, i) => generated(i))]);
  const referenced = run(Array.from({ length: 200 }, (_, i) => withReference(i)));
  return {
    ...plain,
    withReferenceStepChecksPerSecond: referenced.stepChecksPerSecond,
    withReferenceP99MsPer10StepSubmission: referenced.p99MsPer10StepSubmission,
  };
}

function run(submissions: CheckStepsInput[]): Record<string, number> {
  for (const s of submissions.slice(0, 20)) checkSteps(s);
  const timings: number[] = [];
  let steps = 0;
  resetCasClock();
  const started = performance.now();
  for (let round = 0; round < 3; round++) {
    for (const submission of submissions) {
      const t0 = performance.now();
      checkSteps(submission);
      timings.push(performance.now() - t0);
      steps += submission.steps.length;
    }
  }
  const elapsedMs = performance.now() - started;
  const cas = casClockReading();
  timings.sort((x, y) => x - y);
  const quantile = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))];
  return {
    stepChecksPerSecond: Math.round((steps / elapsedMs) * 1000),
    p50MsPer10StepSubmission: Number(quantile(0.5).toFixed(3)),
    p99MsPer10StepSubmission: Number(quantile(0.99).toFixed(3)),
    submissions: timings.length,
    // The CAS library's (mathjs's) share of the checker's time, and its calls per submission.
    casLibrarySharePercent: Number(((cas.ms / elapsedMs) * 100).toFixed(1)),
    casLibraryCallsPerSubmission: Number((cas.calls / timings.length).toFixed(2)),
  };
}
