// Token-level helpers for reading answers: glued connectives, semicolons as separators inside
// brackets, splitting at top-level separators and bracket depth.
import type { Token } from './math-tokens.js';

/** `1orW(x)=-1`: a connective glued between a value and the next name still separates them. */
export function splitGluedConnectives(tokens: Token[]): Token[] {
  return tokens.flatMap((t, i) => {
    const prev = tokens[i - 1];
    const glued =
      t.kind === 'id' && !t.spaceBefore && prev && (prev.kind === 'num' || prev.kind === 'close')
        ? /^(or|and)([A-Za-z].*)$/.exec(t.text)
        : null;
    if (!glued) return [t];
    return [
      { ...t, text: glued[1] },
      { ...t, text: glued[2], spaceBefore: false },
    ];
  });
}

/** `(0;-2;6)`: inside brackets with no commas, semicolons separate the items. */
export function semicolonsInBrackets(tokens: Token[]): Token[] {
  const out = [...tokens];
  const stack: { at: number; comma: boolean }[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'open') stack.push({ at: i, comma: false });
    else if (t.kind === 'comma' && stack.length) stack[stack.length - 1].comma = true;
    else if (t.kind === 'close') {
      const group = stack.pop();
      if (!group || group.comma) return;
      for (let k = group.at + 1; k < i; k++)
        if (out[k].kind === 'punct' && out[k].text === ';') out[k] = { ...out[k], kind: 'comma', text: ',' };
    }
  });
  return out;
}

export function splitTopLevel(tokens: Token[], isSeparator: (t: Token) => boolean): Token[][] {
  const items: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'open') depth++;
    if (token.kind === 'close') depth--;
    if (depth === 0 && isSeparator(token)) items.push([]);
    else items[items.length - 1].push(token);
  }
  return items.filter((item, i) => item.length > 0 || i === 0 || i < items.length - 1);
}

export function depthAt(tokens: Token[], at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) depth += tokens[i].kind === 'open' ? 1 : tokens[i].kind === 'close' ? -1 : 0;
  return depth;
}
