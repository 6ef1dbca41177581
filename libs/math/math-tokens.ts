// Splits normalised text (prose and math mixed) into tokens: numbers, identifiers, operators,
// brackets, relations and prose words. Math that came from LaTeX is flagged so the reader can trust
// its letters as variables; the markers come from latex-to-text.ts.
import { MATH_LIMITS, MathLimitError } from './limits.js';
import { KNOWN_NAMES } from './known-names.js';

export type TokenKind = 'num' | 'id' | 'op' | 'open' | 'close' | 'comma' | 'rel' | 'word' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
  spaceBefore: boolean;
  /** True when the token was inside LaTeX math ($…$, \(…\), …). */
  latex: boolean;
  /** Where the token lies in the text it was read from (end exclusive); absent on tokens made up later. */
  start?: number;
  end?: number;
}

export const LATEX_OPEN = '\u0002';
export const LATEX_CLOSE = '\u0003';

const RELATIONS = ['<=', '>=', '!=', '~=', '=', '<', '>', '∈'];
const OPERATORS = '+-*/^!%|';
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

export function tokenize(text: string): Token[] {
  if (text.length > MATH_LIMITS.maxTextChars)
    throw new MathLimitError(`text longer than ${MATH_LIMITS.maxTextChars} characters`);
  const tokens: Token[] = [];
  let latex = false;
  let space = true;
  let i = 0;
  // a token covers `length` characters from `i` (`∈` reads as `in` but is one character)
  const push = (kind: TokenKind, tokenText: string, length = tokenText.length, at = i) => {
    tokens.push({ kind, text: tokenText, spaceBefore: space, latex, start: at, end: at + length });
    space = false;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === LATEX_OPEN || ch === LATEX_CLOSE) {
      latex = ch === LATEX_OPEN;
      space = true;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      space = true;
      i++;
      continue;
    }
    // up to 320 characters: `100!` written out in full (158 digits) is one number
    // `1.5e-3`, `2E6`: scientific notation is one number (a letter after the exponent makes it a product)
    const numberMatch = /^((?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d{1,3}(?![\dA-Za-z.]))?)/.exec(text.slice(i, i + 320));
    if (numberMatch && !(ch === '.' && tokens.length && tokens[tokens.length - 1].kind === 'num' && !space)) {
      push('num', numberMatch[1]);
      i += numberMatch[1].length;
      continue;
    }
    const idMatch = /^[A-Za-z]+(?:_(?:[A-Za-z0-9]+))?'*/.exec(text.slice(i, i + 80));
    if (idMatch) {
      const word = idMatch[0];
      if (latex) {
        let at = i;
        for (const part of splitLatexName(word)) {
          push('id', part, part.length, at);
          at += part.length;
        }
      } else push('id', word);
      i += word.length;
      continue;
    }
    const rel = RELATIONS.find((r) => text.startsWith(r, i));
    if (rel) {
      push('rel', rel === '∈' ? 'in' : rel, rel.length);
      i += rel.length;
      continue;
    }
    if (OPERATORS.includes(ch)) {
      push('op', ch);
      i++;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      push('open', ch);
      i++;
      continue;
    }
    if (ch === ')' || ch === ']' || ch === '}') {
      push('close', ch);
      i++;
      continue;
    }
    if (ch === ',') {
      push('comma', ch);
      i++;
      continue;
    }
    if (CJK.test(ch)) {
      let j = i + 1;
      while (j < text.length && CJK.test(text[j])) j++;
      push('word', text.slice(i, j));
      i = j;
      continue;
    }
    push('punct', ch);
    i++;
  }
  if (tokens.length > MATH_LIMITS.maxTokens * 8) throw new MathLimitError('too many tokens');
  return tokens;
}

/** In LaTeX, `ab` is a·b but `sin`, `pi`, `theta`, `BD` stay whole; subscripts stay with their letter. */
function splitLatexName(word: string): string[] {
  if (KNOWN_NAMES.has(word.replace(/'+$/, '')) || word.includes('_')) return [word];
  // `BD`, `ABC`: runs of capitals name points, segments and figures (geometry), not products
  if (/^[A-Z]{2,4}$/.test(word)) return [word];
  const parts: string[] = [];
  let rest = word;
  while (rest.length) {
    const known = [...KNOWN_NAMES]
      .filter((n) => n.length > 1 && rest.startsWith(n))
      .sort((a, b) => b.length - a.length)[0];
    const take = known ?? rest[0];
    let piece = rest.slice(0, take.length);
    rest = rest.slice(take.length);
    const primes = /^'+/.exec(rest);
    if (primes) {
      piece += primes[0];
      rest = rest.slice(primes[0].length);
    }
    parts.push(piece);
  }
  return parts;
}
