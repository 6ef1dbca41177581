// The shape of an equivalence case and the two ways to write one.
export interface AnswerPolicyCase {
  relativeTolerance?: number;
  acceptRoundedTo?: number | null;
}

export interface EquivalenceCase {
  expected: string;
  given: string;
  policy?: AnswerPolicyCase;
  equivalent: boolean;
  why: string;
}

export const same = (expected: string, given: string, why: string, policy?: AnswerPolicyCase): EquivalenceCase => ({
  expected,
  given,
  equivalent: true,
  why,
  ...(policy ? { policy } : {}),
});
export const differ = (expected: string, given: string, why: string, policy?: AnswerPolicyCase): EquivalenceCase => ({
  expected,
  given,
  equivalent: false,
  why,
  ...(policy ? { policy } : {}),
});
