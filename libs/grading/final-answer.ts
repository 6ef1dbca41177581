// The final-answer verdict: the last conclusion (named parts merged across conclusions), else the
// last value of the last step, compared with the key at the policy's tolerance; each named part
// gets its own verdict.
import type { AnswerCheck, AnswerPolicy } from '../../libs/math/index.js';
import { MathLimitError, ParseError, readAnswer } from '../../libs/math/index.js';
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
  const verdict = result.equivalent ? 'correct' : 'incorrect';
  const parts = namedParts(expectedText, givenParts(conclusion, given), verdict, answerPolicy, check);
  return parts ? { given, expected: expectedText, verdict, parts } : { given, expected: expectedText, verdict };
}

/** The named parts the student gave: a named conclusion's, else `name = value` pieces of the answer (`x = 4`). */
function givenParts(conclusion: Conclusion | null, given: string): ReadonlyMap<string, string> {
  if (conclusion?.named) return conclusion.named;
  return partTexts(given);
}

/** `max = 2, min = -2` -> max: 2, min: -2 (names lower-cased, as the answer reader names parts). */
function partTexts(text: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const piece of text.split(/[,;]/)) {
    const match = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=(.+)$/.exec(piece);
    if (match) parts.set(match[1].toLowerCase(), match[2].trim());
  }
  return parts;
}

function namedParts(
  expected: string,
  given: ReadonlyMap<string, string>,
  whole: 'correct' | 'incorrect',
  policy: AnswerPolicy,
  check: Checker,
): { name: string; verdict: string }[] | undefined {
  let value;
  try {
    value = readAnswer(expected);
  } catch (error) {
    // an unreadable key (too long, too deep) has no parts to report; anything else is a bug
    if (error instanceof MathLimitError || error instanceof ParseError) return undefined;
    throw error;
  }
  if (!value || value.kind !== 'named') return undefined;
  const names = [...value.parts.keys()];
  const expectedParts = partTexts(expected);
  return names.map((name) => {
    const givenPart = given.get(name);
    // a one-part key (`x = 4`) answered without naming the part (`4`) is judged as a whole
    if (givenPart === undefined) return { name, verdict: names.length === 1 ? whole : 'missing' };
    const partExpected = expectedParts.get(name) ?? '';
    return {
      name,
      verdict: partExpected && check(partExpected, givenPart, policy).equivalent ? 'correct' : 'incorrect',
    };
  });
}
