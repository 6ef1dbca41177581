// Arithmetic written in words, English or Chinese, read as the operations it names: `6 times 7`,
// `double 9`, `9 squared`, `36/4 is 9`, `23 / 4 = 5 remainder 3`, `thirteen`, `18 的一半`. Each
// reader takes mapped text and gives it back with the words replaced, positions carried along.
import type { MappedText } from './mapped-text.js';
import { replaceMapped } from './mapped-text.js';

/**
 * `5 times 4`, `12 divided by 4`, `12 plus 8`, `20 minus 5`, `… equals 20`: operators in words
 * between two numbers are the operators. Only between numbers: `3 times as many` stays prose.
 */
const WORD_OPERATORS: [RegExp, string][] = [
  [/(?<=[\d)])\s+(?:times|multiplied by)\s+(?=[\d(.])/g, ' * '],
  [/(?<=[\d)])\s+divided by\s+(?=[\d(.])/g, ' / '],
  [/(?<=[\d)])\s+plus\s+(?=[\d(.])/g, ' + '],
  [/(?<=[\d)])\s+minus\s+(?=[\d(.])/g, ' - '],
  [/(?<=[\d)])\s+equals\s+(?=[\d(.$-])/g, ' = '],
  // `5 乘以 4`, `12 除以 4`, `12 加 8`, `20 减去 5`, `… 等于 20`: the same in Chinese
  [/(?<=[\d)])\s*乘以?\s*(?=[\d(.])/g, ' * '],
  [/(?<=[\d)])\s*除以\s*(?=[\d(.])/g, ' / '],
  [/(?<=[\d)])\s*加上?\s*(?=[\d(.])/g, ' + '],
  [/(?<=[\d)])\s*减去?\s*(?=[\d(.])/g, ' - '],
  [/(?<=[\d)])\s*等于\s*(?=[\d(.-])/g, ' = '],
];

/**
 * `double 8`, `twice 12`, `triple 5`, `8 squared`, `5 cubed`, `the square of 6`, `the square root
 * of 49`: a multiplier or a power in words applied to a number is that operation, so `double 8 =
 * 16` is checked, not read as `8 = 16`. Only on a number: `twice as many` stays prose.
 */
const POWER_WORDS: [RegExp, string][] = [
  [/\b(?:double|twice)\s+(?=\d)/gi, '2 * '],
  [/\b(?:triple|thrice)\s+(?=\d)/gi, '3 * '],
  [/(?<=\d)\s+squared\b/gi, '^2'],
  [/(?<=\d)\s+cubed\b/gi, '^3'],
  [/\b(?:the\s+)?square root of\s+(?=\d)/gi, 'sqrt '],
  [/\b(?:the\s+)?square of\s+(\d+(?:\.\d+)?)(?![\d.])/gi, '$1^2'],
  [/\b(?:the\s+)?cube of\s+(\d+(?:\.\d+)?)(?![\d.])/gi, '$1^3'],
];

/** `6 times 7`, `double 9`, `9 squared`: operators, multipliers and powers written in words. */
export function wordOperators(text: MappedText): MappedText {
  let out = text;
  if (/double|twice|triple|thrice|squared|cubed|square|cube/i.test(out.text))
    out = POWER_WORDS.reduce((acc, [pattern, operator]) => replaceMapped(acc, pattern, operator), out);
  if (!/times|multiplied|divided|plus|minus|equals|乘|除以|加|减|等于/.test(out.text)) return out;
  return WORD_OPERATORS.reduce((acc, [pattern, operator]) => replaceMapped(acc, pattern, operator), out);
}

/**
 * `thirteen`, `twenty-five`, `forty two`: a cardinal number in words is that number, so `So he has
 * thirteen apples` states 13. Only in a line written without digits: beside written numbers the
 * words are prose (`35 apples, five more than Ben`). `one` is left alone (`one of them`, `each
 * one`), and so is a word joined to another by a hyphen (`two-thirds`, `three-day`).
 */
const UNITS_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS_WORDS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ONE_TO_NINE = 'one|two|three|four|five|six|seven|eight|nine';
const NUMBER_WORDS = new RegExp(
  `(?<![-A-Za-z])(?:(${Object.keys(TENS_WORDS).join('|')})(?:[- ](${ONE_TO_NINE}))?|(${Object.keys(UNITS_WORDS).join('|')}))(?![-A-Za-z])`,
  'gi',
);
const NUMBER_WORD_HINT = /(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty)\b/i;
const ONES: Record<string, number> = { one: 1, ...UNITS_WORDS };

function numberOfWords(_m: string, tens?: string, ones?: string, single?: string): string {
  if (single) return String(UNITS_WORDS[single.toLowerCase()]);
  return String(TENS_WORDS[tens!.toLowerCase()]! + (ones ? ONES[ones.toLowerCase()]! : 0));
}

/**
 * `24 / 2 is 12`, `3 + 4 is 7`, `12 + 8, which is 20`, `12 + 8 gives 20`: `is` (and `gives`,
 * `makes`) after an arithmetic expression and before a number states its value, like `=`. A proper fraction alone (`2/3 is 10 apples`) names a part, not a quotient,
 * and a lone number (`20% is 5`) computes nothing: both stay prose. Only a value after `is`: in
 * `50% of 8 is 1.5 * 8 = 12` the prose names a different quantity (the increase) than it computes.
 */
const COMPUTED_IS =
  /(?<=(?:^|[^\d.])(\d+(?:\.\d+)?)%?\s*([-+*/^])\s*(\d+(?:\.\d+)?)%?(\)?))(?:\s*,\s*which is\s+|\s+(?:is|gives|makes)\s+|\s*是\s*)(?=-?\d*\.?\d+(?![\d.]|\s*[-+*/^xX]\s*[\d(]))/g;

function isAsEquals(whole: string, left: string, operator: string, right: string, bracket: string): string {
  // a proper fraction closing a bracket is a factor of what the bracket computes (`(12 * 1/2) is 6`)
  const partOfWhole = operator === '/' && Number(left) < Number(right) && bracket !== ')';
  return partOfWhole ? whole : ' = ';
}

/**
 * `17 / 5 = 3 remainder 2`, `17 / 5 = 3 R 2`: division with a remainder states 5 * 3 + 2 = 17, and
 * only a remainder smaller than the divisor is one (`17 / 5 = 2 R 7` stays the false `17 / 5 = 2`).
 */
const DIVISION_WITH_REMAINDER =
  /(?<![\d.])(\d+)\s*\/\s*(\d+)\s*=\s*(\d+)\s*(?:,?\s*(?:with\s+)?(?:a\s+)?remainder(?:\s+of)?|R|r)\s*(\d+)(?![\d.])/g;

function withRemainder(whole: string, dividend: string, divisor: string, quotient: string, rest: string): string {
  const proper = Number(rest) < Number(divisor);
  return proper
    ? `${divisor} * ${quotient} + ${rest} = ${dividend}`
    : whole.replace(/\s*(?:,|with|a|remainder|of|R|r)[\s\S]*$/, '');
}

/**
 * `12 的一半` (half of 12), `27 的三分之一` (a third of 27, the denominator written first), `50 的
 * 20%` (20% of 50): a part of a number is their product, as in English.
 */
const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
const CHINESE_HALF = /(\d+(?:\.\d+)?)\s*的\s*一半/g;
const CHINESE_FRACTION = /(\d+(?:\.\d+)?)\s*的\s*([一二两三四五六七八九十])分之([一二三四五六七八九十])/g;
const CHINESE_PERCENT_OF = /(\d+(?:\.\d+)?)\s*的\s*(?=\d+(?:\.\d+)?\s*%)/g;

export function chineseParts(text: MappedText): MappedText {
  if (!text.text.includes('的')) return text;
  const half = replaceMapped(text, CHINESE_HALF, '($1 * 1/2)');
  const fraction = replaceMapped(
    half,
    CHINESE_FRACTION,
    (_m, whole: string, below: string, above: string) =>
      `(${whole} * ${CHINESE_DIGITS[above]}/${CHINESE_DIGITS[below]})`,
  );
  return replaceMapped(fraction, CHINESE_PERCENT_OF, '$1 * ');
}

/** `So he has thirteen apples.`: number words, in a line written without digits. */
export function numberWords(text: MappedText): MappedText {
  if (!NUMBER_WORD_HINT.test(text.text) || /\d/.test(text.text)) return text;
  return replaceMapped(text, NUMBER_WORDS, numberOfWords);
}

/** `36/4 is 9`, `17 + 6 gives 23`, `40 的 25% 是 10`: a value stated after arithmetic. */
export function computedValues(text: MappedText): MappedText {
  return /\b(?:is|gives|makes)\b|是/.test(text.text) ? replaceMapped(text, COMPUTED_IS, isAsEquals) : text;
}

/** `23 / 4 = 5 remainder 3`, `5 R 3`: division with a remainder. */
export function remainders(text: MappedText): MappedText {
  return /remainder|\bR\s*\d|\d\s*r\s*\d/i.test(text.text)
    ? replaceMapped(text, DIVISION_WITH_REMAINDER, withRemainder)
    : text;
}
