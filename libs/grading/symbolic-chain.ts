// Checks an equality chain that mixes unknowns and numbers link by link (`x = xyz/yz = 288/72 = 4`,
// `|a_{n-1}| = 7|a_n| = 7·2 = 14`): runs of links between values are arithmetic, checked at the
// precision written; other links must be identities. A link that is not an identity but ties an
// expression to a number, or relates two or more unknowns, states a fact about values the work has
// not pinned down (`xyz = 288` was given, not derived): it is left undecided, never called wrong
// (GRADING.md "Don't guess"). Only a one-variable link between two expressions can be wrong.
import type { Expr, Scope } from '../../libs/math/index.js';
import { compareExpressions, exprToString, unboundSymbols } from '../../libs/math/index.js';
import type { ChainNotes } from './arithmetic-check.js';
import { checkValueChain } from './arithmetic-check.js';
import type { ClaimOutcome } from './claim-outcome.js';

export type LinkCheck =
  | { kind: 'holds' }
  | { kind: 'fails'; link: number; reason: string; method: 'cas' | 'numeric' }
  | { kind: 'undecided'; reason: string; arithmeticChecked: boolean };

export function checkChainLinks(
  parts: readonly Expr[],
  rels: readonly string[],
  scope: Scope,
  notes: ChainNotes = {},
): LinkCheck {
  const constant = parts.map((p) => unboundSymbols([p], scope).length === 0);
  let undecided: string | null = null;
  let arithmeticChecked = false;
  for (let k = 1; k < parts.length; k++) {
    if (constant[k - 1] && constant[k]) {
      let end = k;
      while (end + 1 < parts.length && constant[end + 1]) end++;
      const chain = checkValueChain(parts.slice(k - 1, end + 1), rels.slice(k - 1, end), scope, {
        units: notes.units?.slice(k - 1, end + 1),
        literalUnits: notes.literalUnits?.slice(k - 1, end + 1),
        after: end === parts.length - 1 ? notes.after : undefined,
      });
      if (chain.kind === 'fails')
        return { kind: 'fails', link: k - 1 + chain.link, reason: chain.reason, method: 'cas' };
      if (chain.kind === 'unknown') undecided ??= chain.reason;
      else arithmeticChecked = true;
      k = end;
      continue;
    }
    const result = compareExpressions(parts[k - 1], parts[k], scope);
    if (result.verdict === 'equal') continue;
    if (result.verdict === 'unknown') {
      undecided ??= result.reason;
      continue;
    }
    const text = `${exprToString(parts[k - 1])} = ${exprToString(parts[k])}`;
    if (constant[k - 1] || constant[k] || unboundSymbols([parts[k - 1], parts[k]], scope).length > 1) {
      undecided ??= `${text} depends on values not established in the work`;
      continue;
    }
    return {
      kind: 'fails',
      link: k,
      reason: `${exprToString(parts[k - 1])} is not equal to ${exprToString(parts[k])}`,
      method: result.method,
    };
  }
  return undecided === null ? { kind: 'holds' } : { kind: 'undecided', reason: undecided, arithmeticChecked };
}

/** The claims a chain that is not an identity contributes: wrong, or undecided plus its checked arithmetic. */
export function linkClaims(links: Exclude<LinkCheck, { kind: 'holds' }>, tainted: boolean): ClaimOutcome[] {
  if (links.kind === 'fails') return [{ holds: false, tainted, reason: links.reason, method: links.method }];
  const undecided: ClaimOutcome = { holds: null, tainted, reason: links.reason, method: 'numeric' };
  return links.arithmeticChecked
    ? [undecided, { holds: true, tainted, reason: 'the arithmetic in the chain holds', method: 'cas' }]
    : [undecided];
}
