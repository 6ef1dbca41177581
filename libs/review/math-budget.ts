// What typesetting one page may cost. KaTeX's output grows with the input's structure (a 21×21
// matrix is ~100 KB of HTML, \sqrt nested 200 deep ~200 KB) and its time with it, so a hostile
// submission could make a page of tens of megabytes. Each segment is checked before rendering
// (length, nesting, cells, structural commands) and after (output size); the page as a whole has
// a budget of output bytes and milliseconds. Math over any bound is shown as its source text, with
// a note saying why.

export interface MathLimits {
  /** Characters of one math segment. */
  maxTexLength: number;
  /** Group nesting ({…} and \left…\right) of one segment. */
  maxDepth: number;
  /** Matrix / array cells of one segment (& and \\ separators). */
  maxCells: number;
  /** Fractions, roots and similar structures of one segment (they nest without braces). */
  maxStructures: number;
  /** KaTeX output of one segment, in characters. */
  maxSegmentOutput: number;
  /** KaTeX output of one page, in characters. */
  maxPageOutput: number;
  /** Milliseconds of KaTeX time on one page. */
  maxPageMs: number;
}

export const DEFAULT_MATH_LIMITS: MathLimits = {
  maxTexLength: 2_000,
  maxDepth: 24,
  maxCells: 120,
  maxStructures: 40,
  maxSegmentOutput: 64 * 1024,
  maxPageOutput: 512 * 1024,
  maxPageMs: 750,
};

/** No math typeset at all: for a page whose typesetting had to be stopped (every segment says why). */
export const TEXT_ONLY_LIMITS: MathLimits = { ...DEFAULT_MATH_LIMITS, maxPageMs: 0 };

/** The running totals of one page. */
export class MathBudget {
  private output = 0;
  private ms = 0;

  constructor(readonly limits: MathLimits = DEFAULT_MATH_LIMITS) {}

  /** Why the page has no budget left for more math, or null. */
  exhausted(): string | null {
    if (this.output >= this.limits.maxPageOutput) return 'this page already shows as much typeset math as it may';
    if (this.ms >= this.limits.maxPageMs) return 'this page already took as long to typeset as it may';
    return null;
  }

  spend(outputChars: number, ms: number): void {
    this.output += outputChars;
    this.ms += ms;
  }
}

const STRUCTURE =
  /\\(?:frac|dfrac|tfrac|cfrac|binom|dbinom|tbinom|sqrt|over|choose|atop|overset|underset|stackrel)(?![A-Za-z])/g;

function nestingDepth(tex: string): number {
  let depth = 0;
  let deepest = 0;
  for (const token of tex.matchAll(/\\left(?![A-Za-z])|\\right(?![A-Za-z])|\\[{}]|[{}]/g)) {
    const text = token[0];
    if (text === '\\{' || text === '\\}') continue;
    depth += text === '{' || text === '\\left' ? 1 : -1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** Why this segment is too heavy to typeset (checked before KaTeX runs), or null. */
export function tooHeavy(tex: string, limits: MathLimits): string | null {
  if (tex.length > limits.maxTexLength) return `longer than ${limits.maxTexLength} characters`;
  if (nestingDepth(tex) > limits.maxDepth) return `nested deeper than ${limits.maxDepth} levels`;
  const cells = (tex.match(/&|\\\\/g) ?? []).length;
  if (cells > limits.maxCells) return `more than ${limits.maxCells} matrix cells`;
  if ((tex.match(STRUCTURE) ?? []).length > limits.maxStructures)
    return `more than ${limits.maxStructures} fractions or roots`;
  return null;
}
