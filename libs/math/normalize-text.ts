// Turns one line of student text into the tokenizer's input: Unicode and full-width punctuation to
// ASCII, LaTeX regions translated (and marked), currency signs dropped, thousands separators
// removed, `x`/`×` between numbers read as times, mixed fractions (`3 1/2`) bracketed.
import { MATH_LIMITS, MathLimitError } from './limits.js';
import { latexToText } from './latex-to-text.js';
import { LATEX_CLOSE, LATEX_OPEN } from './math-tokens.js';
import type { SourceSpan } from './mapped-text.js';
import { MappedBuilder, MappedText, replaceMapped, translateMapped } from './mapped-text.js';
import { chineseParts, computedValues, numberWords, remainders, wordOperators } from './words-as-math.js';

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
  // `60°`: the degree sign is the unit word, so `180° - 60° = 120°` reads like `180 degrees - …`
  '°': ' degrees ',
};

/** Zero-width and invisible formatting characters: they separate nothing a reader can see. */
const INVISIBLE = /[\u200b-\u200d\u2060-\u2064\ufeff\u00ad]/g;

const ASCII = /^[\x00-\x7f]*$/;

export function normalizeUnicode(text: string): string {
  return unicodeMapped(MappedText.of(text, false)).text;
}

function unicodeMapped(source: MappedText): MappedText {
  const visible = replaceMapped(source, INVISIBLE, '');
  // every character the map changes is outside ASCII, and most lines are plain ASCII
  if (ASCII.test(visible.text)) return visible;
  let plain = '';
  for (const ch of visible.text) plain += unicodeChar(ch);
  if (!visible.tracked) return new MappedText(plain, null, null);
  // most lines are ASCII already: nothing moved, so the map stays as it is
  if (plain === visible.text) return visible;
  const builder = new MappedBuilder(true);
  let at = 0;
  for (const ch of visible.text) {
    const out = unicodeChar(ch);
    if (out === ch) builder.appendKept(visible, at, at + ch.length);
    else builder.appendFrom(out, visible.spanOf(at, at + ch.length));
    at += ch.length;
  }
  return builder.build();
}

function unicodeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  return CHAR_MAP[ch] ?? ch;
}

/** Full normalisation of a line; throws MathLimitError for oversized input. */
export function normalizeText(raw: string): string {
  return normalizeMapped(MappedText.of(raw, false)).text.text;
}

/** A line normalised, with where each character came from and where its LaTeX regions are. */
export interface NormalizedLine {
  /** The normalised text (exactly normalizeText's) with the raw offsets of each character. */
  text: MappedText;
  /** The raw offsets of each LaTeX region: delimiters included (`outer`) and its math alone. */
  regions: { outer: SourceSpan; inner: SourceSpan }[];
}

/** normalizeText with positions: what normalised text came from where in `raw`. */
export function normalizeTextWithMap(raw: string): NormalizedLine {
  return normalizeMapped(MappedText.of(raw, true));
}

function normalizeMapped(source: MappedText): NormalizedLine {
  if (source.text.length > MATH_LIMITS.maxTextChars)
    throw new MathLimitError(`text longer than ${MATH_LIMITS.maxTextChars} characters`);
  const text = replaceMapped(
    replaceMapped(replaceMapped(unicodeMapped(source), /\{,\}/g, ','), /\\!/g, ''),
    OF_BETWEEN_REGIONS,
    ' \\cdot ',
  );
  const out = new MappedBuilder(source.tracked);
  const regions: NormalizedLine['regions'] = [];
  let i = 0;
  while (i < text.text.length) {
    const region = findMathRegion(text.text, i);
    if (!region) {
      out.append(plainSegment(text.slice(i)));
      break;
    }
    out.append(plainSegment(text.slice(i, region.start)));
    const open = text.spanOf(region.start, region.contentStart);
    const close = text.spanOf(region.contentStart + region.content.length, region.end);
    const content = text.slice(region.contentStart, region.contentStart + region.content.length);
    out.appendFrom(LATEX_OPEN, open);
    out.append(fixNumbers(translateMapped(content, latexToText)));
    out.appendFrom(LATEX_CLOSE, close);
    if (source.tracked) regions.push({ outer: text.spanOf(region.start, region.end), inner: innerSpan(open, close) });
    i = region.end;
  }
  const built = out.build();
  return {
    text: built.text.includes('±') ? replaceMapped(built, PLUS_MINUS_VALUE, '$1 = $2, $1 = -$2') : built,
    regions,
  };
}

/** `x = ±4`: a name set to plus or minus a number is the two solutions `x = 4 or x = -4`. */
const PLUS_MINUS_VALUE = /(?<![\w)])([A-Za-z])\s*=\s*±\s*(\d+(?:\.\d+)?)(?![\d.(])/g;

const PLAIN_LOG_BASE = /(?<![A-Za-z])log_?\{?(\d+)\}?(?=\s*[(\d])/g;

/** `$50\%$ of $40 = 20$`, `$\frac{1}{2}$ of $30 = 15$`: `of` between two math regions is a product of them. */
const OF_BETWEEN_REGIONS = /(?<=[\d}%])\$\s+of\s+(?:the\s+)?\$(?=\s*[\d\\(])/g;

function innerSpan(open: SourceSpan, close: SourceSpan): SourceSpan {
  return { start: open.end, end: Math.max(open.end, close.start) };
}

interface MathRegion {
  start: number;
  end: number;
  /** Where the math starts, past the opening delimiter. */
  contentStart: number;
  content: string;
}

function findMathRegion(text: string, from: number): MathRegion | null {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && (text[i + 1] === '(' || text[i + 1] === '[')) {
      const close = text.indexOf(text[i + 1] === '(' ? '\\)' : '\\]', i + 2);
      if (close >= 0) return { start: i, end: close + 2, contentStart: i + 2, content: text.slice(i + 2, close) };
    }
    if (ch !== '$' || text[i - 1] === '\\') continue;
    if (text[i + 1] === '$') {
      const close = text.indexOf('$$', i + 2);
      if (close >= 0) return { start: i, end: close + 2, contentStart: i + 2, content: text.slice(i + 2, close) };
      continue;
    }
    const close = findClosingDollar(text, i + 1);
    if (close < 0) continue;
    const content = text.slice(i + 1, close);
    // `$18 and $20` is money: a `$` right before a digit whose partner is followed by a digit.
    if (/^\s*\d/.test(content) && /^\s?\d/.test(text.slice(close + 1, close + 3))) continue;
    if (/^\s*\d/.test(content) && !/[A-Za-z\\^_{}=+\-*/<>]/.test(content) && /^\d/.test(text.slice(close + 1)))
      continue;
    return { start: i, end: close + 1, contentStart: i + 1, content };
  }
  return null;
}

function findClosingDollar(text: string, from: number): number {
  for (let j = from; j < text.length; j++) if (text[j] === '$' && text[j - 1] !== '\\') return j;
  return -1;
}

/** `e^{10^{6} i}`: exponent and subscript braces, innermost first, as brackets (bounded passes). */
function bracesToBrackets(text: MappedText): MappedText {
  let out = text;
  for (let pass = 0; pass < MATH_LIMITS.maxDepth; pass++) {
    const next = replaceMapped(out, /([_^])\{([^{}]*)\}/g, '$1($2)');
    if (next.text === out.text) break;
    out = next;
  }
  return out;
}

/** LaTeX written outside `$…$` (`2 \times 3 = 6`) is translated as prose. */
const latexAsProse = (text: string) => latexToText(text, false);

function plainSegment(segment: MappedText): MappedText {
  if (!segment.text) return segment;
  let text = segment.text.includes('\\')
    ? translateMapped(segment, latexAsProse)
    : bracesToBrackets(replaceMapped(segment, /_\{([A-Za-z0-9]+)\}/g, '_$1'));
  text = replaceMapped(replaceMapped(text, /\$\s*(?=[\d.])/g, ''), /\$/g, ' ');
  text = numberWords(text);
  text = replaceMapped(text, SCALED_NUMBER, (_m, digits: string, word: string) =>
    scaled(digits, SCALE_ZEROS[word.toLowerCase()]),
  );
  // `3 + 4 = 7 -> 7 * 2 = 14`, `… => …`: an arrow between values leads on to the next claim (`x -> 0`
  // keeps its arrow: a limit, not a step)
  if (/->|=>|→/.test(text.text)) text = replaceMapped(text, ARROW_BETWEEN_VALUES, ' ; ');
  text = remainders(text);
  // `log_2(8)`, `log_2 8`, `log2(8)`: a logarithm to a base typed in plain text, as `\log_2 8` is read
  if (/log_?\d/.test(text.text)) text = replaceMapped(text, PLAIN_LOG_BASE, ' logbase_$1 ');
  // `right-most`, `well-known`: a hyphen joining two words is not a minus sign
  text = replaceMapped(text, /(?<=[A-Za-z]{2})-(?=[A-Za-z]{2})/g, ' ');
  text = replaceMapped(text, /(\d)\s*[x×X]\s*(?=\d|\.\d)/g, '$1 * ');
  text = replaceMapped(text, /(\d)\s+[x×X]\s+(?=\()/g, '$1 * ');
  // `$240 000`: a space before exactly three digits inside an amount is a thousands separator
  text = replaceMapped(
    text,
    /(?<![\d.,])(\d{1,3})((?: \d{3})+)(?![\d/,]|\.\d| \d)/g,
    (_m, head: string, groups: string) => head + groups.replace(/ /g, ''),
  );
  text = replaceMapped(replaceMapped(fixNumbers(text), PERCENT_WORDS, '$1%'), PLAIN_LEIBNIZ, ' deriv_$1 ');
  text = replaceMapped(
    replaceMapped(
      replaceMapped(replaceMapped(wordOperators(text), TRIG_DEGREES, '$1$2(($3)*pi/180)'), OUT_OF, '($1/$2)'),
      FRACTION_OF,
      '$1 * ',
    ),
    PART_WORD_OF,
    (_m, word: string) => `${PART_WORDS[word.toLowerCase()]} * `,
  );
  text = chineseParts(text);
  text = replaceMapped(text, /(?<![\d.^/]\s*)(?<![\d.])(\d+) (\d+)\/(\d+)(?![\d/.])/g, '($1+$2/$3)');
  return computedValues(text);
}

const ARROW_BETWEEN_VALUES = /=>|(?<=[\d)%]\s*)(?:->|→)(?=\s*[\d(.])/g;

/** `2 thousand`, `1.5 million`: a number and a scale word are one number (not `5 hundred-dollar bills`). */
const SCALED_NUMBER = /(?<![\d.,])(\d+(?:\.\d+)?)\s+(hundred|thousand|million|billion)\b(?!-)/gi;
const SCALE_ZEROS: Record<string, number> = { hundred: 2, thousand: 3, million: 6, billion: 9 };

/** `1.5` with 6 more zeros is `1500000`, written exactly (no floating-point product). */
function scaled(digits: string, zeros: number): string {
  const [whole, fraction = ''] = digits.split('.');
  const shifted = fraction.padEnd(zeros, '0');
  const out = (whole + shifted.slice(0, zeros)).replace(/^0+(?=\d)/, '');
  const rest = shifted.slice(zeros);
  return rest ? `${out}.${rest}` : out;
}

/** `sin 30°` (read as `sin 30 degrees`), `tan(45 degrees)`: a trigonometric function takes the angle in radians. */
const TRIG_DEGREES = /\b(sin|cos|tan|sec|csc|cot)\s*(\(?)\s*(\d+(?:\.\d+)?)\s*degrees\b/g;

/** `3 out of 5`: the fraction 3/5. */
const OUT_OF = /(?<![\d.])(\d+(?:\.\d+)?)\s+out\s+of\s+(\d+(?:\.\d+)?)(?![\d.])/g;

/** `1/2 of 30`, `3/4 of the 20`: a fraction of a number is their product, as `15% of` is. */
const FRACTION_OF = /(?<![\d./])(\d+\s*\/\s*\d+)\s+of\s+(?:the\s+)?(?=[\d(])/g;

/** `half of 30`, `a third of the 60`: the same with the fraction in words. */
const PART_WORDS: Record<string, string> = { half: '1/2', third: '1/3', quarter: '1/4', fourth: '1/4' };
const PART_WORD_OF = /\b(?:(?:a|one)\s+)?(half|third|quarter|fourth)\s+of\s+(?:the\s+)?(?=[\d(])/gi;

/** `d/dx (x^2 + 1)`: the derivative operator typed in plain text. */
const PLAIN_LEIBNIZ = /(?<![A-Za-z])d\s*\/\s*d([A-Za-z])(?![A-Za-z])/g;

/** `25 percent`, `25 pct`, `25 per cent`: the percent sign spelled out. */
const PERCENT_WORDS = /(\d)\s*(?:percent|per cent|pct)\b/gi;

/** Thousands separators (never after a lone leading zero: `0,111` is not 111) and `15% of`. */
function fixNumbers(text: MappedText): MappedText {
  const grouped = replaceMapped(
    text,
    /(?<![\d.,])([1-9]\d{0,2})((?:,\d{3})+)(?![\d,])/g,
    (_m, head: string, groups: string) => head + groups.replace(/,/g, ''),
  );
  return replaceMapped(grouped, /%\s*of\b/g, '% * ');
}
