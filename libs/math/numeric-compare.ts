// How two numbers are compared: exactly (up to floating-point noise) for computed values, at the
// precision written for a decimal the student wrote (rounded half up), or within a tolerance.
const NOISE = 1e-9;

export function nearlyEqual(a: number, b: number, relative = NOISE): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const scale = Math.max(1, Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= relative * scale;
}

/** `1/3 = 0.33` holds, `2/3 = 0.6` does not: `written` has `decimals` places, rounded half up. */
export function roundsTo(exact: number, written: number, decimals: number): boolean {
  if (nearlyEqual(exact, written)) return true;
  const factor = 10 ** decimals;
  const rounded = (Math.sign(exact) * Math.floor(Math.abs(exact) * factor + 0.5 + 1e-9)) / factor;
  return nearlyEqual(rounded, written, 1e-12);
}

/** Final answers: within `relativeTolerance`, or equal after rounding to `roundedTo` places. */
export function withinTolerance(
  expected: number,
  given: number,
  relativeTolerance: number,
  roundedTo: number | null,
): boolean {
  if (nearlyEqual(expected, given)) return true;
  if (roundedTo !== null && roundedTo >= 0 && roundsTo(expected, given, roundedTo)) return true;
  const scale = Math.max(Math.abs(expected), 1e-12);
  return Math.abs(expected - given) <= relativeTolerance * scale;
}
