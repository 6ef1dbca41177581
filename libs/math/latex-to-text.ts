// Translates LaTeX math into the plain syntax the tokenizer reads (`\frac{a}{b}` -> `((a)/(b))`,
// `\sqrt{x}` -> `sqrt(x)`, `\cdot` -> `*`, `\le` -> `<=`, `\{1, 2\}` -> `{1, 2}`). `\text{…}` becomes
// prose; commands with no checkable meaning become `#`, which ends a claim instead of misreading it.
import { GREEK } from './known-names.js';
import { FUNCTIONS, SYMBOLS, TEXT_COMMANDS, TRANSPARENT } from './latex-symbols.js';
import { LATEX_CLOSE, LATEX_OPEN } from './math-tokens.js';

const MAX_LATEX_CHARS = 8_000;
const MATRIX_ENVIRONMENT = /^(?:[pbBvV]?matrix|smallmatrix|array)\*?$/;

export function latexToText(latex: string, insideMath = true): string {
  const source = latex.length > MAX_LATEX_CHARS ? latex.slice(0, MAX_LATEX_CHARS) : latex;
  return new LatexReader(bracketMixedNumbers(repeatingDecimals(trigDegrees(source))), insideMath).read(Infinity);
}

// `\tan 45^\circ`, `\sin(30^{\circ})`: a trigonometric function of an angle in degrees takes it in
// radians. Elsewhere `^\circ` is dropped (an angle's size compares as the number of degrees written).
const TRIG_DEGREES =
  /(\\(?:sin|cos|tan|sec|csc|cot))\s*(\\left\s*\(|\()?\s*(\d+(?:\.\d+)?)\s*\^\s*(?:\{\s*\\circ\s*\}|\\circ)/g;

function trigDegrees(source: string): string {
  if (!source.includes('circ')) return source;
  return source.replace(TRIG_DEGREES, (_m, fn: string, open: string | undefined, degrees: string) =>
    open ? `${fn}${open}\\frac{${degrees}\\pi}{180}` : `${fn}{\\frac{${degrees}\\pi}{180}}`,
  );
}

// `4\dfrac{5}{8}`, `33\frac{1}{3}`: a whole number written right before a proper numeric fraction is
// a mixed number (4 + 5/8), not a product; after `^`, `_`, a digit or a letter it is not.
const MIXED_NUMBER = /(?<![\d.^_A-Za-z]|[\^_]\{)(\d+)\s*\\[dtc]?frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}/g;

// `0.\overline{3}`, `1.2\overline{45}`: a repeating decimal, as the fraction it is
const REPEATING = /(\d*)\.(\d*)\\overline\s*\{\s*(\d{1,12})\s*\}/g;

function repeatingDecimals(source: string): string {
  if (!source.includes('overline')) return source;
  return source.replace(REPEATING, (_m, whole: string, fixed: string, period: string) => {
    // x = whole.fixed(period)… = (whole.fixed·10^k(10^n − 1) + period − …) written as one fraction
    const denominator = `${'9'.repeat(period.length)}${'0'.repeat(fixed.length)}`;
    const numerator = `(${whole || '0'}${fixed}${period} - ${whole || '0'}${fixed})`;
    return `{(${numerator})/${denominator}}`;
  });
}

function bracketMixedNumbers(source: string): string {
  if (!source.includes('frac')) return source;
  return source.replace(MIXED_NUMBER, (whole, units: string, top: string, bottom: string) =>
    Number(top) < Number(bottom) ? `{${units}+\\frac{${top}}{${bottom}}}` : whole,
  );
}

/** `\\frac{d}{dx}`, `\\frac{d^2}{dx^2}` (as read: `d`, `d x`, `d^(2)`, `dx^(2)`): the operator d/dx. */
function leibniz(top: string, bottom: string): string | null {
  const numerator = /^\s*d\s*(?:\^\s*\(?\s*([2-9])\s*\)?)?\s*$/.exec(top);
  const denominator = /^\s*d\s*([A-Za-z])\s*(?:\^\s*\(?\s*([2-9])\s*\)?)?\s*$/.exec(bottom);
  if (!numerator || !denominator || (numerator[1] ?? '') !== (denominator[2] ?? '')) return null;
  return ` deriv_${denominator[1]}${numerator[1] ?? ''} `;
}

const INVERSE: Record<string, string> = {
  sin: 'arcsin',
  cos: 'arccos',
  tan: 'arctan',
  sinh: 'asinh',
  cosh: 'acosh',
  tanh: 'atanh',
};

class LatexReader {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly src: string,
    private readonly insideMath: boolean,
  ) {}

  /** Reads until the end or until `limit` groups/atoms were read. */
  read(limit: number): string {
    let out = '';
    let count = 0;
    while (this.pos < this.src.length && count < limit) {
      const ch = this.src[this.pos];
      if (ch === '}') {
        if (limit === Infinity) {
          this.pos++;
          out += ')';
          continue;
        }
        break;
      }
      out += this.atom();
      count++;
    }
    return out;
  }

  private group(): string {
    this.skipSpaces();
    if (this.src[this.pos] === '{') {
      if (++this.depth > 80) {
        this.pos = this.src.length;
        return '#';
      }
      this.pos++;
      let out = '';
      while (this.pos < this.src.length && this.src[this.pos] !== '}') out += this.atom();
      this.pos++;
      this.depth--;
      return out;
    }
    return this.pos < this.src.length ? this.atom() : '';
  }

  private optional(): string | null {
    this.skipSpaces();
    if (this.src[this.pos] !== '[') return null;
    const end = this.src.indexOf(']', this.pos);
    if (end < 0) return null;
    const inner = new LatexReader(this.src.slice(this.pos + 1, end), this.insideMath).read(Infinity);
    this.pos = end + 1;
    return inner;
  }

  private skipSpaces(): void {
    while (this.src[this.pos] === ' ') this.pos++;
  }

  private atom(): string {
    const ch = this.src[this.pos];
    if (ch === '{') return `(${this.group()})`;
    if (ch === '&') {
      this.pos++;
      return ' ';
    }
    if (ch === '~') {
      this.pos++;
      return ' ';
    }
    if (ch === '_') {
      this.pos++;
      const sub = this.group().replace(/[^A-Za-z0-9]/g, '');
      return sub ? `_${sub}` : '';
    }
    if (ch === '^') {
      this.pos++;
      this.skipSpaces();
      // `2^(1/2)` written inside $…$ means the whole bracket, as students intend
      if (this.src[this.pos] === '(') return '^';
      const sup = this.group();
      return sup.trim() === '' ? '' : /^\s*'+\s*$/.test(sup) ? sup.trim() : `^(${sup})`;
    }
    if (ch !== '\\') {
      this.pos++;
      return ch;
    }
    const match = /^\\([A-Za-z]+|.)/.exec(this.src.slice(this.pos, this.pos + 40));
    if (!match) {
      this.pos++;
      return '';
    }
    this.pos += match[0].length;
    return this.command(match[1]);
  }

  /**
   * `\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix}` → `matrix(row((1), (2)), row((3), (4)))`; `vmatrix` is
   * the determinant. An `array`'s column specification is skipped; empty trailing rows are dropped.
   */
  private matrix(env: string): string {
    if (env === 'array' && this.src[this.pos] === '{') this.group();
    const close = `\\end{${env}}`;
    const end = this.src.indexOf(close, this.pos);
    const body = this.src.slice(this.pos, end < 0 ? this.src.length : end);
    this.pos = end < 0 ? this.src.length : end + close.length;
    const rows = body
      .split(/\\\\(?:\[[^\]]*\])?/)
      .map((row) => row.trim())
      .filter((row) => row.replace(/\\hline/g, '').trim() !== '')
      .map((row) => row.split('&').map((cell) => `(${new LatexReader(cell, this.insideMath).read(Infinity)})`));
    if (rows.length === 0) return ' # ';
    const matrix = ` matrix(${rows.map((cells) => `row(${cells.join(', ')})`).join(', ')})`;
    return /^[vV]matrix$/.test(env) ? ` det(${matrix})` : matrix;
  }

  /** `\\int_a^b x^2 dx` → `integral_x((a), (b), (x^2))`: a definite integral, evaluated numerically. */
  private integral(): string {
    let lower: string | null = null;
    let upper: string | null = null;
    for (let k = 0; k < 3; k++) {
      this.skipSpaces();
      if (this.src.startsWith('\\limits', this.pos)) {
        this.pos += '\\limits'.length;
        continue;
      }
      const mark = this.src[this.pos];
      if (mark !== '_' && mark !== '^') break;
      this.pos++;
      if (mark === '_') lower = this.group();
      else upper = this.group();
    }
    const differential = /(?:^|[^A-Za-z\\])d\s*([A-Za-z])(?![A-Za-z])/.exec(this.src.slice(this.pos));
    if (lower === null || upper === null || !differential) return ' # ';
    const start = differential.index + (differential[0].startsWith('d') ? 0 : 1);
    const body = this.src.slice(this.pos, this.pos + start);
    this.pos += differential.index + differential[0].length;
    const integrand = body.trim() === '' ? '1' : new LatexReader(body, this.insideMath).read(Infinity);
    return ` integral_${differential[1]}((${lower}), (${upper}), (${integrand})) `;
  }

  /** `\\sum_{k=1}^{10}` → `summation_k((1), (10))`; the parser takes the summand that follows. */
  private summation(): string {
    let lower: string | null = null;
    let upper: string | null = null;
    for (let k = 0; k < 2; k++) {
      this.skipSpaces();
      const mark = this.src[this.pos];
      if (mark !== '_' && mark !== '^') break;
      this.pos++;
      if (mark === '_') lower = this.group();
      else upper = this.group();
    }
    const bound = lower === null ? null : /^\s*([A-Za-z])\s*=(.+)$/.exec(lower);
    if (!bound || upper === null) return ' # ';
    return ` summation_${bound[1]}((${bound[2]}), (${upper})) `;
  }

  /** `\\sin^2 x` → `sinpow_2 x` (the parser squares the value); `\\sin^{-1} x` → `arcsin x`. */
  private functionName(name: string): string {
    this.skipSpaces();
    if (this.src[this.pos] !== '^') return ` ${name} `;
    const saved = this.pos;
    this.pos++;
    const power = this.group().replace(/[\s()]/g, '');
    if (power === '-1' && Object.hasOwn(INVERSE, name)) return ` ${INVERSE[name]} `;
    if (/^[2-9]$/.test(power)) return ` ${name}pow_${power} `;
    this.pos = saved;
    return ` ${name} `;
  }

  private command(name: string): string {
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac' || name === 'cfrac') {
      const top = this.group();
      const bottom = this.group();
      const derivative = leibniz(top, bottom);
      if (derivative) return derivative;
      // `\\frac123` is (1/2)·3: digits run on after a one-digit denominator multiply
      const factor = /^\d/.test(this.src[this.pos] ?? '') ? ' * ' : '';
      return `((${top})/(${bottom}))${factor}`;
    }
    if (name === 'sqrt') {
      const index = this.optional();
      const radicand = this.group();
      return index ? ` nthRoot((${radicand}), (${index}))` : ` sqrt(${radicand})`;
    }
    if (name === 'binom' || name === 'dbinom' || name === 'tbinom')
      return ` binom((${this.group()}), (${this.group()}))`;
    if (name === 'log') {
      this.skipSpaces();
      if (this.src[this.pos] === '_') {
        this.pos++;
        const base = this.group();
        return ` logbase_${base.replace(/[^A-Za-z0-9.]/g, '')} `;
      }
      return ' log';
    }
    // invisible boxes take up room but show nothing, so they can hide no claim
    // (and an equation's tag or label: `\tag{1}` numbers the line, it is no factor)
    if (['phantom', 'hphantom', 'vphantom', 'hspace', 'vspace', 'tag', 'label'].includes(name)) {
      this.group();
      return ' ';
    }
    if (name === 'sum') return this.summation();
    if (name === 'int') return this.integral();
    if (name === 'overline') return ` conj(${this.group()})`;
    if (name === 'adjugate' || name === 'adj') return ' adj ';
    if (name === 'operatorname') return ` ${this.group().replace(/[^A-Za-z]/g, '')}`;
    if (TEXT_COMMANDS.has(name)) {
      const text = this.group();
      return this.insideMath ? `${LATEX_CLOSE} ${text} ${LATEX_OPEN}` : ` ${text} `;
    }
    if (TRANSPARENT.has(name)) return `(${this.group()})`;
    // `4\$`: a dollar sign after a value is notation (superfactorial), before a number it is currency
    if (name === '$') return /^\s*[\d.]/.test(this.src.slice(this.pos, this.pos + 3)) ? '' : ' # ';
    if (Object.hasOwn(SYMBOLS, name)) return SYMBOLS[name];
    // `\quadx_{2}`: spacing run into the next name (spaces stripped from the source)
    const spaced = /^(q?quad)([A-Za-z]+)$/.exec(name);
    if (spaced) return ` ${spaced[2]}`;
    if (FUNCTIONS.has(name)) return this.functionName(name);
    if (GREEK.has(name) || GREEK.has(name.toLowerCase())) return ` ${name} `;
    if (name === 'pmod' || name === 'bmod' || name === 'mod') {
      this.group();
      return ' # ';
    }
    if (name === 'begin') {
      const env = this.group().trim();
      if (MATRIX_ENVIRONMENT.test(env)) return this.matrix(env);
      if (this.src[this.pos] === '{') this.group();
      return ' ; ';
    }
    if (name === 'end') {
      this.group();
      if (this.src[this.pos] === '{') this.group();
      return ' ; ';
    }
    return ' # ';
  }
}
