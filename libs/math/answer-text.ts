// Rules that pick the answer out of its text before it is read: a sentence around the math, a
// decimal comma, a numeral in another base. Each rule is narrow on purpose: where a reading is
// ambiguous the text is left as it is and the reader decides.

/** `0,111`, `-0,5`: one comma after a lone leading zero is a decimal comma (thousands never follow 0). */
export function decimalComma(text: string): string {
  const match = /^\s*([-−]?)0,(\d+)\s*$/.exec(text);
  return match ? `${match[1]}0.${match[2]}` : text;
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * `204_5`, `1011_2`, `FF_{16}`, `54_{10}`: a numeral with its base as a subscript, as the decimal
 * it stands for. A subscripted capital letter alone (`A_{12}`, a point or term) is not a numeral:
 * the digits must include a decimal digit, or be two letters or more in base 16.
 */
export function baseNumerals(text: string): string {
  if (!text.includes('_')) return text;
  return text.replace(
    /(?<![\w.\\])([0-9A-Z]+)_(?:\{\s*(\d{1,2})\s*\}|(\d{1,2}))(?![\w.])/g,
    (whole, digits: string, braced: string | undefined, bare: string | undefined) => {
      const base = Number(braced ?? bare);
      if (base < 2 || base > 36) return whole;
      if (!/\d/.test(digits) && !(base === 16 && digits.length >= 2)) return whole;
      let value = 0n;
      for (const digit of digits) {
        const d = DIGITS.indexOf(digit);
        if (d < 0 || d >= base) return whole;
        value = value * BigInt(base) + BigInt(d);
      }
      return value.toString();
    },
  );
}

const MATH_REGION = /\$\$([^$]+)\$\$|\$([^$]+)\$|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g;
const CONNECTIVE_WORDS = /\b(?:and|or)\b|[和或及,;.:!?'"()]/gi;

/**
 * "Therefore $x \\geq 5$ is the solution": when prose words stand around the math regions, the
 * answer is the last region. Math joined only by connectives (`$x = 1$ or $x = 2$`) stays whole.
 */
export function mathInProse(text: string): string {
  const regions = [...text.matchAll(MATH_REGION)];
  if (regions.length === 0) return text;
  const outside = text
    .replace(MATH_REGION, ' ')
    .replace(/\\[A-Za-z]+/g, ' ')
    .replace(CONNECTIVE_WORDS, ' ');
  if (!/[A-Za-z\u3400-\u9fff]{2,}/.test(outside)) return text;
  const last = regions[regions.length - 1];
  return `$${last[1] ?? last[2] ?? last[3] ?? last[4]}$`;
}

/**
 * "So she has 12 apples left.": a sentence of three words or more with no math but exactly one
 * number is that number. Any relation sign, LaTeX or second number leaves the text alone.
 */
export function numberInSentence(text: string): string {
  if (/[=<>≤≥\\$^]/.test(text) || /\b(?:not|no|never|except|isn't|wasn't)\b/i.test(text)) return text;
  const words = text.match(/[A-Za-z]{2,}/g) ?? [];
  const numbers = text.match(/-?\d[\d,]*(?:\.\d+)?%?/g) ?? [];
  if (words.length < 3 || numbers.length !== 1) return text;
  return numbers[0];
}

/** `[1, 2; 3, 4]` (mathjs and MATLAB syntax): rows split by semicolons; a trailing `'` transposes. */
export function plainMatrices(text: string): string {
  if (!text.includes(';') || !text.includes('[')) return text;
  return text.replace(/\[([^[\]]*;[^[\]]*)\]('?)/g, (whole, body: string, prime: string) => {
    const rows = body.split(';').map((row) => row.split(','));
    if (!body.includes(',') || rows.some((row) => row.length !== rows[0].length)) return whole;
    const matrix = `matrix(${rows.map((row) => `row(${row.join(',')})`).join(',')})`;
    return prime ? `transpose(${matrix})` : matrix;
  });
}

/**
 * `\\\\frac{1}{2}` copied from an escaped string is `\\frac{1}{2}`; inside a matrix `\\\\` ends a row, so
 * there only a doubled backslash before a command name (two letters or more) is undone.
 */
export function unescapeBackslashes(raw: string): string {
  if (/\\begin\s*\{/.test(raw)) return raw.replace(/\\\\(?=[A-Za-z]{2,})/g, '\\');
  return raw.replace(/\\\\(?=[A-Za-z{}()[\]])/g, '\\');
}
