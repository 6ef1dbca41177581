// Plain-text math (`f'(x) = 3x^2 - 6x`, `sqrt(x) <= 2`) inside prose: finds the runs that are math
// and rewrites them as LaTeX, so undelimited work renders as typeset math too. Prose words (two or
// more letters, CJK, punctuation) stay text; single letters count as math only beside other math.

export type PlainPiece = { kind: 'text'; text: string } | { kind: 'math'; tex: string; source: string };

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const TOKEN = new RegExp(`(\\s+)|([${CJK}]+)|([^\\s${CJK}]+)`, 'gu');
const MATH_CHARS = /[0-9=+\-*/^<>()≤≥≠×·√−]/;
const FUNCTION_CALL = /^(sin|cos|tan|ln|log|exp|sqrt|max|min)\b/;
const KNOWN_FUNCTIONS = /sin|cos|tan|log|exp|sqrt|max|min/g;
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/;

/** Sentence punctuation after a math run, and closing brackets that the run never opened. */
function trailingPunctuation(run: string): string {
  const tail = TRAILING_PUNCTUATION.exec(run)?.[0] ?? '';
  let unopened = (run.match(/\)/g) ?? []).length - (run.match(/\(/g) ?? []).length;
  let cut = tail.length;
  for (let position = tail.length - 1; position >= 0; position -= 1) {
    if (tail[position] === ')') {
      if (unopened <= 0) break;
      unopened -= 1;
    }
    cut = position;
  }
  return tail.slice(cut);
}

type Word = { text: string; kind: 'space' | 'prose' | 'math' | 'letter' };

function classify(token: string): Word['kind'] {
  if (/^\s+$/.test(token)) return 'space';
  if (new RegExp(`^[${CJK}]`, 'u').test(token)) return 'prose';
  // A word in brackets or with punctuation ("(Find", "and)") is prose, not a function call.
  if (/^[([{"']*[A-Za-z]{2,}[)\]}"'.,:;!?]*$/.test(token) && !FUNCTION_CALL.test(token.replace(/^[([{]+/, '')))
    return 'prose';
  // Markup-like text and words of three or more letters that are no known function ("alert(1)",
  // "</script>") read as prose: typesetting them would only make them look like formulas.
  if (/<\/?[A-Za-z]/.test(token) || /[A-Za-z]{3,}/.test(token.replace(KNOWN_FUNCTIONS, ''))) return 'prose';
  if (MATH_CHARS.test(token) || FUNCTION_CALL.test(token)) return 'math';
  if (/^[A-Za-z][.,:;]?$/.test(token)) return 'letter';
  return 'prose';
}

function tokenize(text: string): Word[] {
  const words = [...text.matchAll(TOKEN)].map((match) => ({ text: match[0], kind: classify(match[0]) }));
  // A lone letter is math when a neighbouring word is math ("x = 2"), prose otherwise ("a number").
  const neighbour = (from: number, step: number) => {
    for (let index = from + step; index >= 0 && index < words.length; index += step) {
      if (words[index]!.kind !== 'space') return words[index]!.kind;
    }
    return 'prose';
  };
  return words.map((word, index) =>
    word.kind === 'letter'
      ? { ...word, kind: neighbour(index, -1) === 'math' || neighbour(index, 1) === 'math' ? 'math' : 'prose' }
      : word,
  );
}

/** A run of only digits (and separators) is left as prose: "is 2" needs no math font; "-2" gets a real minus. */
function worthTypesetting(run: string): boolean {
  return /[A-Za-z=+*/^<>()≤≥≠×√]/.test(run) || /(^|[\s([,])[-−]\d/.test(run);
}

export function splitPlainMath(text: string): PlainPiece[] {
  const pieces: PlainPiece[] = [];
  const pushText = (value: string) => {
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'text') last.text += value;
    else if (value) pieces.push({ kind: 'text', text: value });
  };
  const words = tokenize(text);
  let index = 0;
  while (index < words.length) {
    if (words[index]!.kind !== 'math') {
      pushText(words[index]!.text);
      index += 1;
      continue;
    }
    let end = index;
    for (let next = index + 1; next < words.length; next += 1) {
      if (/[:;]$/.test(words[end]!.text)) break; // "Set f'(x) = 0: 3x^2 …" is two formulas
      if (words[next]!.kind === 'math') end = next;
      else if (words[next]!.kind !== 'space') break;
    }
    const run = words
      .slice(index, end + 1)
      .map((word) => word.text)
      .join('');
    const trailing = trailingPunctuation(run);
    const body = run.slice(0, run.length - trailing.length);
    if (body && worthTypesetting(body)) pieces.push({ kind: 'math', tex: plainToLatex(body), source: body });
    else pushText(body);
    pushText(trailing);
    index = end + 1;
  }
  return pieces;
}

/** Replaces `name(` … `)` (balanced) with `open` … `close`. */
function replaceCall(source: string, name: string, open: string, close: string): string {
  let out = source;
  for (let start = out.indexOf(name); start >= 0; start = out.indexOf(name, start + open.length)) {
    let depth = 0;
    let end = -1;
    for (let position = start + name.length - 1; position < out.length; position += 1) {
      if (out[position] === '(') depth += 1;
      if (out[position] === ')' && --depth === 0) {
        end = position;
        break;
      }
    }
    if (end < 0) break;
    out = out.slice(0, start) + open + out.slice(start + name.length, end) + close + out.slice(end + 1);
  }
  return out;
}

export function plainToLatex(plain: string): string {
  if (plain.includes('\\')) return plain; // undelimited LaTeX (`\frac{1}{2}`): already TeX
  let tex = plain.replace(/[{}%#&$]/g, (character) => `\\${character}`);
  tex = tex.replace(/<=|≤/g, '\\le ').replace(/>=|≥/g, '\\ge ').replace(/!=|≠/g, '\\ne ');
  tex = tex.replace(/\*/g, '\\cdot ').replace(/−/g, '-');
  tex = replaceCall(tex, 'sqrt(', '\\sqrt{', '}');
  tex = replaceCall(tex, '^(', '^{', '}');
  tex = tex.replace(/\^(-?\d+(?:\.\d+)?)/g, '^{$1}');
  tex = tex.replace(/\b(sin|cos|tan|ln|log|exp|max|min)\b/g, '\\$1 ').replace(/\bpi\b/g, '\\pi ');
  return tex;
}
