// Finds the boxed answer in a worked solution (`\boxed{…}`), including several boxes that together
// make one answer and a box left unclosed.

/**
 * The contents of `\boxed{…}`. Several boxes are one answer when only connectives, commas or
 * symbols stand between them (`\boxed{1} and \boxed{2}`, `\boxed{2}, \boxed{3}`); when other
 * prose does (`\boxed{1} no no \boxed{2}`), a later box replaces the earlier ones. An unclosed box
 * runs to the end of the text.
 */
export function unwrapBoxed(text: string): string {
  const contents: string[] = [];
  let at = text.indexOf('\\boxed');
  let previousEnd = -1;
  while (at >= 0 && contents.length < 20) {
    const open = text.indexOf('{', at);
    if (open < 0) break;
    let depth = 0;
    let end = -1;
    for (let i = open; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) {
        end = i;
        break;
      }
    }
    if (previousEnd >= 0 && !joinsBoxes(text.slice(previousEnd + 1, at))) contents.length = 0;
    if (end < 0) {
      contents.push(text.slice(open + 1));
      break;
    }
    contents.push(text.slice(open + 1, end));
    previousEnd = end;
    at = text.indexOf('\\boxed', end);
  }
  if (contents.length === 0) return text;
  const distinct = [...new Set(contents.map((c) => c.trim()))];
  return distinct.join(', ');
}

const CONNECTIVE = /(?:^|[^A-Za-z])(?:and|or)(?![A-Za-z])|[和或及]/;
const CORRECTION =
  /\b(?:no|not|but|wait|actually|instead|correct\w*|recount\w*|recheck\w*|mistake|wrong|sorry|oops)\b/i;

/**
 * Boxes are one answer when nothing but punctuation and symbols stands between them, or a
 * connective (`\\boxed{7} for the first part and \\boxed{9}`) with no word taking the first back.
 */
function joinsBoxes(between: string): boolean {
  const prose = between.replace(/\\[A-Za-z]+/g, ' ');
  if (CORRECTION.test(prose)) return false;
  return CONNECTIVE.test(prose) || !/[A-Za-z\u3400-\u9fff]{2,}/.test(prose);
}
