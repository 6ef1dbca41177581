// Turns one line of student text into the tokenizer's input: Unicode and full-width punctuation to
// ASCII, LaTeX regions translated (and marked), currency signs dropped, thousands separators
// removed, `x`/`×` between numbers read as times, mixed fractions (`3 1/2`) bracketed.
import { MATH_LIMITS, MathLimitError } from './limits.js';
import { latexToText } from './latex-to-text.js';
import { LATEX_CLOSE, LATEX_OPEN } from './math-tokens.js';

const CHAR_MAP: Record<string, string> = {
  '−': '-',
  '–': '-',
  '—': ' - ',
  '‐': '-',
  '﹣': '-',
  '×': '*',
  '·': '*',
  '⋅': '*',
  '∙': '*',
  '÷': '/',
  '∕': '/',
  '≤': '<=',
  '⩽': '<=',
  '≥': '>=',
  '⩾': '>=',
  '≠': '!=',
  '≈': '~=',
  '²': '^2',
  '³': '^3',
  '√': 'sqrt',
  π: 'pi',
  '∈': '∈',
  '。': '. ',
  '、': ', ',
  '【': '[',
  '】': ']',
  '「': ' ',
  '」': ' ',
  '“': '"',
  '”': '"',
  '’': "'",
  '‘': "'",
  '€': '$',
  '£': '$',
  '¥': '$',
  '￥': '$',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '∞': 'infty',
};

/** Zero-width and invisible formatting characters: they separate nothing a reader can see. */
const INVISIBLE = /[\u200b-\u200d\u2060-\u2064\ufeff\u00ad]/g;

export function normalizeUnicode(text: string): string {
  let out = '';
  for (const ch of text.replace(INVISIBLE, '')) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += CHAR_MAP[ch] ?? ch;
  }
  return out;
}

/** Full normalisation of a line; throws MathLimitError for oversized input. */
export function normalizeText(raw: string): string {
  if (raw.length > MATH_LIMITS.maxTextChars)
    throw new MathLimitError(`text longer than ${MATH_LIMITS.maxTextChars} characters`);
  const text = normalizeUnicode(raw).replace(/\{,\}/g, ',').replace(/\\!/g, '');
  let out = '';
  let i = 0;
  while (i < text.length) {
    const region = findMathRegion(text, i);
    if (!region) {
      out += plainSegment(text.slice(i));
      break;
    }
    out += plainSegment(text.slice(i, region.start));
    out += `${LATEX_OPEN}${fixNumbers(latexToText(region.content))}${LATEX_CLOSE}`;
    i = region.end;
  }
  return out;
}

interface MathRegion {
  start: number;
  end: number;
  content: string;
}

function findMathRegion(text: string, from: number): MathRegion | null {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && (text[i + 1] === '(' || text[i + 1] === '[')) {
      const close = text.indexOf(text[i + 1] === '(' ? '\\)' : '\\]', i + 2);
      if (close >= 0) return { start: i, end: close + 2, content: text.slice(i + 2, close) };
    }
    if (ch !== '$' || text[i - 1] === '\\') continue;
    if (text[i + 1] === '$') {
      const close = text.indexOf('$$', i + 2);
      if (close >= 0) return { start: i, end: close + 2, content: text.slice(i + 2, close) };
      continue;
    }
    const close = findClosingDollar(text, i + 1);
    if (close < 0) continue;
    const content = text.slice(i + 1, close);
    // `$18 and $20` is money: a `$` right before a digit whose partner is followed by a digit.
    if (/^\s*\d/.test(content) && /^\s?\d/.test(text.slice(close + 1, close + 3))) continue;
    if (/^\s*\d/.test(content) && !/[A-Za-z\\^_{}=+\-*/<>]/.test(content) && /^\d/.test(text.slice(close + 1)))
      continue;
    return { start: i, end: close + 1, content };
  }
  return null;
}

function findClosingDollar(text: string, from: number): number {
  for (let j = from; j < text.length; j++) if (text[j] === '$' && text[j - 1] !== '\\') return j;
  return -1;
}

/** `e^{10^{6} i}`: exponent and subscript braces, innermost first, as brackets (bounded passes). */
function bracesToBrackets(text: string): string {
  let out = text;
  for (let pass = 0; pass < MATH_LIMITS.maxDepth; pass++) {
    const next = out.replace(/([_^])\{([^{}]*)\}/g, '$1($2)');
    if (next === out) break;
    out = next;
  }
  return out;
}

function plainSegment(segment: string): string {
  if (!segment) return '';
  let text = segment.includes('\\')
    ? latexToText(segment, false)
    : bracesToBrackets(segment.replace(/_\{([A-Za-z0-9]+)\}/g, '_$1'));
  text = text.replace(/\$\s*(?=[\d.])/g, '').replace(/\$/g, ' ');
  // `right-most`, `well-known`: a hyphen joining two words is not a minus sign
  text = text.replace(/(?<=[A-Za-z]{2})-(?=[A-Za-z]{2})/g, ' ');
  text = text.replace(/(\d)\s*[x×X]\s*(?=\d|\.\d)/g, '$1 * ').replace(/(\d)\s+[x×X]\s+(?=\()/g, '$1 * ');
  // `$240 000`: a space before exactly three digits inside an amount is a thousands separator
  text = text.replace(
    /(?<![\d.,])(\d{1,3})((?: \d{3})+)(?![\d/,]|\.\d| \d)/g,
    (_m, head: string, groups: string) => head + groups.replace(/ /g, ''),
  );
  text = fixNumbers(text).replace(PERCENT_WORDS, '$1%').replace(PLAIN_LEIBNIZ, ' deriv_$1 ');
  return text.replace(/(?<![\d.^/]\s*)(?<![\d.])(\d+) (\d+)\/(\d+)(?![\d/.])/g, '($1+$2/$3)');
}

/** `d/dx (x^2 + 1)`: the derivative operator typed in plain text. */
const PLAIN_LEIBNIZ = /(?<![A-Za-z])d\s*\/\s*d([A-Za-z])(?![A-Za-z])/g;

/** `25 percent`, `25 pct`, `25 per cent`: the percent sign spelled out. */
const PERCENT_WORDS = /(\d)\s*(?:percent|per cent|pct)\b/gi;

/** Thousands separators (never after a lone leading zero: `0,111` is not 111) and `15% of`. */
function fixNumbers(text: string): string {
  return text
    .replace(
      /(?<![\d.,])([1-9]\d{0,2})((?:,\d{3})+)(?![\d,])/g,
      (_m, head: string, groups: string) => head + groups.replace(/,/g, ''),
    )
    .replace(/%\s*of\b/g, '% * ');
}
