// Compares a student's steps with the reference solution (GRADING.md "Comparing with the
// reference"): each student step is matched to the reference step that makes the same claims, and
// reference steps whose claims no student step makes are skipped (a `required` one costs points).
import type { Scope } from '../../libs/math/index.js';
import { compareExpressions, MATH_LIMITS, nearlyEqual, sameRoots } from '../../libs/math/index.js';
import type { ClaimSignature } from './claim-signatures.js';
import { claimSignatures } from './claim-signatures.js';
import type { ReferenceInput, ReferenceStepInput } from './grading.types.js';
import { checkStepItems } from './step-checker.js';
import { readStep } from './step-reader.js';
import type { StudentContext } from './student-context.js';
import { functionNamesIn } from './problem-context.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

export interface ReferenceStep {
  required: boolean;
  claims: ClaimSignature[];
}

export interface ReferenceComparison {
  matches: (number | null)[];
  skippedReferenceSteps: number[];
  missingRequiredSteps: number[];
}

const MAX_REFERENCE_STEPS = 200;

/** The reference's steps, at most MAX_REFERENCE_STEPS of them (input from outside: any shape). */
export function referenceSteps(reference: ReferenceInput | undefined): ReferenceStepInput[] {
  return Array.isArray(reference?.steps) ? reference.steps.slice(0, MAX_REFERENCE_STEPS) : [];
}

/** A reference step's text; a step of any other shape reads as empty. */
export function referenceStepText(step: ReferenceStepInput | null | undefined): string {
  return typeof step === 'string' ? step : typeof step?.text === 'string' ? step.text : '';
}

/** Reads the reference's steps in their own context (a fresh copy of the problem's). */
export function readReference(
  reference: ReferenceInput | undefined,
  freshContext: () => StudentContext,
): ReferenceStep[] {
  const context = freshContext();
  return referenceSteps(reference).map((step) => {
    const text = referenceStepText(step);
    const required = typeof step === 'object' && step !== null && step.required === true;
    return { required, claims: stepClaims(text, context) };
  });
}

/** The claims of one step, after checking it so later steps see its definitions. */
export function stepClaims(text: string, context: StudentContext): ClaimSignature[] {
  if (text.length > MATH_LIMITS.maxTextChars) return [];
  try {
    const names = new Set([...context.functionNames(), ...functionNamesIn(text)]);
    const items = readStep(text, names, new Set(context.vars.keys()), context.unitLetters);
    checkStepItems(text, items, context);
    return claimSignatures(items, context);
  } catch (error) {
    // a reference step past the math limits makes no claim we could match
    rethrowUnlessMathLimit(error);
    return [];
  }
}

export function compareWithReference(
  studentClaims: readonly ClaimSignature[][],
  reference: readonly ReferenceStep[],
  scope: Scope,
): ReferenceComparison {
  const matched = reference.map((step) => step.claims.map(() => false));
  const matches = studentClaims.map((claims) => {
    let best: number | null = null;
    let bestCount = 0;
    reference.forEach((step, r) => {
      let count = 0;
      step.claims.forEach((refClaim, k) => {
        if (claims.some((claim) => sameClaim(claim, refClaim, scope))) {
          count++;
          matched[r][k] = true;
        }
      });
      if (count > bestCount) {
        best = r;
        bestCount = count;
      }
    });
    return best;
  });
  // a reference step with no readable claim cannot be told apart from prose: never reported skipped
  const skippedReferenceSteps = reference.flatMap((step, r) =>
    step.claims.length > 0 && matched[r].some((m) => !m) ? [r] : [],
  );
  const missingRequiredSteps = skippedReferenceSteps.filter((r) => reference[r].required);
  return { matches, skippedReferenceSteps, missingRequiredSteps };
}

function sameClaim(a: ClaimSignature, b: ClaimSignature, scope: Scope): boolean {
  if (a.kind === 'value' && b.kind === 'value') return a.subject === b.subject && nearlyEqual(a.value, b.value);
  if (a.kind === 'roots' && b.kind === 'roots')
    return a.variable === b.variable && sameRoots(unique(a.roots), unique(b.roots));
  if (a.kind === 'expr' && b.kind === 'expr') {
    if (a.subject !== b.subject) return false;
    try {
      return compareExpressions(a.expr, b.expr, scope).verdict === 'equal';
    } catch (error) {
      // expressions that cannot be compared do not match
      rethrowUnlessMathLimit(error);
      return false;
    }
  }
  return false;
}

function unique(values: readonly number[]): number[] {
  return values.filter((v, i) => !values.slice(0, i).some((w) => Math.abs(w - v) < 1e-9));
}
