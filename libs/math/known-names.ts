// Function and constant names the reader and evaluator understand; anything else that is called
// must be defined by the problem or the student, or the claim is left unverified.
export const FUNCTION_ARITY: Record<string, [number, number]> = {
  sqrt: [1, 2], cbrt: [1, 1], ln: [1, 1], log: [1, 2], lg: [1, 1], exp: [1, 1], abs: [1, 1],
  sin: [1, 1], cos: [1, 1], tan: [1, 1], cot: [1, 1], sec: [1, 1], csc: [1, 1],
  arcsin: [1, 1], arccos: [1, 1], arctan: [1, 1], asin: [1, 1], acos: [1, 1], atan: [1, 1],
  sinh: [1, 1], cosh: [1, 1], tanh: [1, 1],
  max: [1, 64], min: [1, 64], floor: [1, 1], ceil: [1, 1], round: [1, 1],
  gcd: [2, 64], lcm: [2, 64], binom: [2, 2], choose: [2, 2], nCr: [2, 2], nPr: [2, 2],
  factorial: [1, 1], mod: [2, 2], sign: [1, 1], nthRoot: [2, 2],
};

export const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, inf: Infinity, infty: Infinity };

export const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'theta', 'lambda', 'mu', 'phi', 'omega', 'sigma', 'tau', 'rho', 'psi', 'eta', 'xi', 'zeta', 'kappa', 'nu', 'chi',
]);

export const KNOWN_NAMES = new Set<string>([...Object.keys(FUNCTION_ARITY), 'pi', 'infty', ...GREEK]);
