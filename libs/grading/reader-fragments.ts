// Token shapes that tell the reader a number is not a value of the claim it sits in: a ratio or a
// clock time (`2:3`, `10:30`), a label (`Day 1 = …`), math continued from words (`first + 5`), a
// heading dash (`Yams - 6 yams`), a number inside a compound quantity (`20 pears in 1 box`).
import type { Expr, Token } from '../../libs/math/index.js';
import { readUnit } from './unit-conversions.js';

const QUANTITY_JOINS = new Set(['of', 'in', 'per', 'for']);

/** `2:3`, `10:30`: a colon glued between two numbers joins them into a ratio or a time. */
export function isNumberColon(tokens: Token[], at: number): boolean {
  const colon = tokens[at];
  const before = tokens[at - 1];
  const after = tokens[at + 1];
  return (
    colon !== undefined &&
    (colon.text === ':' || colon.text === '：') &&
    !colon.spaceBefore &&
    before?.kind === 'num' &&
    after?.kind === 'num' &&
    !after.spaceBefore
  );
}

/** Nouns a whole number after them labels rather than counts (`Day 1 = 5 pages`, `Week 2 = …`). */
export const LABEL_NOUNS = new Set(
  'day week month year step case part box round level stage trip question problem item group team row column game test quiz exam lap floor room plan option store shop bag jar basket class grade'.split(
    ' ',
  ),
);

/** `Day 1 = 5`: a lone whole number after a label noun, set equal to what follows. */
export function isLabelNumber(prose: string[], run: Token[]): boolean {
  const word = prose[prose.length - 1]?.toLowerCase();
  return (
    word !== undefined &&
    LABEL_NOUNS.has(word) &&
    run.length > 2 &&
    run[0].kind === 'num' &&
    Number.isInteger(Number(run[0].text)) &&
    run[1].kind === 'rel'
  );
}

/** `first + 5 = 6th`: a run opening with a binary operator continues math written in words. */
export function startsWithOperator(run: Token[]): boolean {
  return run.length > 1 && run[0].kind === 'op' && '+*/^'.includes(run[0].text);
}

/** `Yams - 6 yams x $1.5`: a spaced dash before the first number is punctuation, not a minus. */
export function dropDash(run: Token[]): Token[] {
  return run.length > 1 && run[0].kind === 'op' && run[0].text === '-' && run[0].spaceBefore && run[1].spaceBefore
    ? run.slice(1)
    : run;
}

/** `Yams - 6 yams`: a short capitalised label opening the step. */
export function isHeading(prose: string[]): boolean {
  return prose.length > 0 && prose.length <= 3 && /^[A-Z]/.test(prose[0]) && prose.every((w) => /^[A-Za-z]/.test(w));
}

/** A number, a few words, then of/in/per/for: the next number is part of the same quantity. */
export function isQuantityJoin(prose: string[]): boolean {
  return (
    prose.length > 0 &&
    prose.length <= 4 &&
    QUANTITY_JOINS.has(prose[prose.length - 1].toLowerCase()) &&
    prose.every((w) => /^[A-Za-z]/.test(w))
  );
}

/** `2 hours and 30 minutes`, `5 feet and 3 inches`: a unit of measure, then `and`: one measure in two units. */
export function isCompoundMeasure(prose: string[]): boolean {
  return prose.length === 2 && prose[1].toLowerCase() === 'and' && readUnit(prose[0]).kind === 'known';
}

export function isLiteralExpr(expr: Expr): boolean {
  return expr.kind === 'num' || (expr.kind === 'neg' && expr.arg.kind === 'num');
}
