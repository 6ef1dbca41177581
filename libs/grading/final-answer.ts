// The final-answer verdict: the last conclusion (named parts merged across conclusions), else the
// last value of the last step, compared with the key at the policy's tolerance; each named part
// gets its own verdict.
import type { AnswerCheck, AnswerPolicy } from '../../libs/math/index.js';
import { readAnswer } from '../../libs/math/index.js';
import type { Conclusion } from './conclusion-reader.js';
import type { FinalAnswerResult, GradingPolicy } from './grading.types.js';

type Checker = (expected: string, given: string, policy?: AnswerPolicy) => AnswerCheck;

export function judgeFinalAnswer(
  conclusion: Conclusion | null,
  lastValue: string | null,
  expected: string | null,
  policy: GradingPolicy | undefined,
  check: Checker,
): FinalAnswerResult {
  const answerPolicy: AnswerPolicy = {
    relativeTolerance: policy?.relativeTolerance,
    acceptRoundedTo: policy?.acceptRoundedTo ?? null,
  };
  const given = conclusion?.named
    ? [...conclusion.named].map(([k, v]) => `${k} = ${v}`).join(', ')
    : (conclusion?.value ?? lastValue);
  const expectedText = typeof expected === 'string' && expected.trim() ? expected : null;
  if (given === null || given === undefined) return { given: null, expected: expectedText, verdict: 'missing' };
  if (!expectedText) return { given, expected: null, verdict: 'unverified' };
  const result = check(expectedText, given, answerPolicy);
  const parts = namedParts(expectedText, conclusion, answerPolicy, check);
  const verdict =
    result.method === 'none' && !result.equivalent ? 'incorrect' : result.equivalent ? 'correct' : 'incorrect';
  return parts ? { given, expected: expectedText, verdict, parts } : { given, expected: expectedText, verdict };
}

function namedParts(
  expected: string,
  conclusion: Conclusion | null,
  policy: AnswerPolicy,
  check: Checker,
): { name: string; verdict: string }[] | undefined {
  let value;
  try {
    value = readAnswer(expected);
  } catch {
    // an unreadable key has no parts to report
    return undefined;
  }
  if (!value || value.kind !== 'named') return undefined;
  return [...value.parts.keys()].map((name) => {
    const given = conclusion?.named?.get(name);
    if (given === undefined) return { name, verdict: 'missing' };
    const expectedPart = expected.split(/[,;]/).find((p) => p.split('=')[0].trim().toLowerCase() === name);
    const partExpected = expectedPart ? expectedPart.split('=').slice(1).join('=') : '';
    return { name, verdict: partExpected && check(partExpected, given, policy).equivalent ? 'correct' : 'incorrect' };
  });
}
