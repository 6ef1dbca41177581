// Arithmetic in the prime fields F_p for two primes p ≡ 1 (mod 4) below 2^26: products of two
// residues stay below 2^53, so plain doubles compute them exactly (no BigInt on the hot path), and
// -1 has a square root, so the imaginary unit maps into the field too.
export interface PrimeField {
  readonly p: number;
  /** A square root of -1 modulo p: the image of the imaginary unit `i`. */
  readonly i: number;
}

function mulMod(a: number, b: number, p: number): number {
  return (a * b) % p;
}

export function powMod(base: number, exponent: number, p: number): number {
  let result = 1;
  let b = ((base % p) + p) % p;
  let e = exponent;
  while (e > 0) {
    if (e % 2 === 1) result = mulMod(result, b, p);
    b = mulMod(b, b, p);
    e = Math.floor(e / 2);
  }
  return result;
}

function squareRootOfMinusOne(p: number): number {
  for (let g = 2; g < p; g++) {
    // a quadratic non-residue g gives g^((p-1)/4), whose square is g^((p-1)/2) = -1
    if (powMod(g, (p - 1) / 2, p) === p - 1) return powMod(g, (p - 1) / 4, p);
  }
  throw new Error(`${p} has no square root of -1`);
}

export const FIELDS: readonly PrimeField[] = [67108837, 67108777].map((p) => ({ p, i: squareRootOfMinusOne(p) }));

export const fieldOps = {
  add: (a: number, b: number, p: number) => (a + b) % p,
  sub: (a: number, b: number, p: number) => (a - b + p) % p,
  mul: mulMod,
  neg: (a: number, p: number) => (p - a) % p,
  /** Null when a is 0: the caller treats the point as a pole and picks another. */
  inv: (a: number, p: number): number | null => (a === 0 ? null : powMod(a, p - 2, p)),
};

/** A decimal literal as written (`12`, `0.125`), exactly, as a residue; null if it is not one. */
export function literalResidue(text: string, p: number): number | null {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || text === '' || text === '.') return null;
  const digits = (match[1] ?? '') + (match[2] ?? '');
  let value = 0;
  for (const digit of digits) value = (value * 10 + Number(digit)) % p;
  const scale = fieldOps.inv(powMod(10, (match[2] ?? '').length, p), p);
  return scale === null ? null : mulMod(value, scale, p);
}
