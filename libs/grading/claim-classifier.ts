// Says what claim a math item makes, from its shape and the prose before it: one typed claim per
// item, no verdict. The rules are tried in the order GRADING.md reads them: a value alone, a set,
// an inequality, a named conclusion, bindings and locations (context words), then equations by
// what their free variables are.
import type { Expr, SourceSpan } from '../../libs/math/index.js';
import { DERIVATIVE_OPERATOR, FUNCTION_ARITY, SUM_OPERATOR, unboundSymbols } from '../../libs/math/index.js';
import type { Claim, SpannedClaim } from './claim-kinds.js';
import { namedConclusionIn } from './conclusion-reader.js';
import type { MathItem } from './step-reader.js';
import type { StepState } from './step-state.js';
import { tryValue } from './step-values.js';
import type { StudentContext } from './student-context.js';
import { restatesStudentName } from './student-names.js';

const BINDING =
  /(?:\b(?:when|at|for|if|let|given|with|suppose|where|put|setting|taking|substitute|substituting|plug(?:ging)?(?: in)?)|当|若|代入|将)\s*$/;
const LOCATION = /(?:出现在|取得|在|attained at|occurs at|achieved at|reached at|at)\s*$/;
const CONNECTIVE = /^\s*(?:,|and|or|和|或|及|、|以及)?\s*$/;
const CRITICAL = /critical|stationary|驻点|极值点|临界点/;
const NOT_A_LOCATION = /^(?:.*\b)?(?:when|for|if|let|当|若)\s*$/;

const NONE: Claim = { kind: 'none' };

/**
 * The claim `item` makes. Reading state moves on here (whether the items after a location are
 * locations too; a name written again with an expression forgets its old value), never a verdict.
 */
export function classifyItem(item: MathItem, context: StudentContext, state: StepState, text: string): Claim {
  const { parts, rels, before } = item;
  const head = parts[0];
  const named = namedConclusionIn(before, head, parts.length);
  if (parts.length === 1) {
    const value = tryValue(head, context, state);
    return value === null ? NONE : { kind: 'value', value, named };
  }
  const set = solutionSetClaim(item, context, state);
  if (set) return set;
  if (rels.some((r) => r !== '=' && r !== '~=')) return { kind: 'inequality' };
  if (named && head.kind === 'sym' && parts.length === 2) {
    const value = tryValue(parts[1], context, state);
    return value === null ? NONE : { kind: 'named_value', name: named, value };
  }
  if (rels.every((r) => r === '=') && isDerivativeOperator(head)) return { kind: 'derivative' };
  if (rels.every((r) => r === '=' || r === '~=') && isSumOperator(head)) return { kind: 'sum' };
  const context_ = contextClaim(item, context, state);
  if (context_) return context_;
  if (
    head.kind === 'sym' &&
    parts.length === 2 &&
    !named &&
    restatesStudentName(head.name, parts[1], context, state.bindings)
  )
    return { kind: 'reassignment' };
  return equationClaim(item, named, context, state, text);
}

/** classifyItem's claim paired with the item's span (read from the item only when asked for). */
export function classifySpanned(item: MathItem, context: StudentContext, state: StepState, text: string): SpannedClaim {
  return new ItemClaim(classifyItem(item, context, state, text), item);
}

class ItemClaim implements SpannedClaim {
  constructor(
    readonly claim: Claim,
    private readonly item: MathItem,
  ) {}

  get span(): SourceSpan {
    return this.item.span;
  }
}

/** `x ∈ {0, 2}`. */
function solutionSetClaim(item: MathItem, context: StudentContext, state: StepState): Claim | null {
  const [head, set] = item.parts;
  if (item.rels.length !== 1 || item.rels[0] !== 'in' || head.kind !== 'sym' || set.kind !== 'list' || set.open !== '{')
    return null;
  const members = set.items.map((expr) => ({ expr, value: tryValue(expr, context, state) }));
  if (members.some((m) => m.value === null)) return NONE;
  return { kind: 'solution_set', variable: head.name, members: members as { expr: typeof head; value: number }[] };
}

/** Bindings (`when x = -1`, `and x = 2` after one) and locations (`attained at x = 0`). */
function contextClaim(item: MathItem, context: StudentContext, state: StepState): Claim | null {
  const { parts, before } = item;
  const head = parts[0];
  if (head.kind !== 'sym' || parts.length !== 2) {
    state.inLocation = false;
    return null;
  }
  // `when x = -7 and x = 2`: a second value joined to a binding of the same name is another case
  if (state.bindings.has(head.name) && CONNECTIVE.test(before) && !state.inLocation) {
    const value = tryValue(parts[1], context, state);
    if (value !== null) return { kind: 'binding', name: head.name, value, expr: null };
  }
  const continuesLocation = state.inLocation && CONNECTIVE.test(before);
  state.inLocation = false;
  const isLocation = LOCATION.test(before) || continuesLocation;
  if (!BINDING.test(before) && !isLocation) return null;
  const value = tryValue(parts[1], context, state);
  if (value === null) return null;
  if (isLocation && state.lastValue && !NOT_A_LOCATION.test(before) && state.claims.length > 0)
    return { kind: 'location', variable: head.name, at: value };
  if (BINDING.test(before)) return { kind: 'binding', name: head.name, value, expr: parts[1] };
  return null;
}

/** Equations: a solution, a definition of a name or a function, an evaluation, or symbolic. */
function equationClaim(
  item: MathItem,
  named: string | null,
  context: StudentContext,
  state: StepState,
  text: string,
): Claim {
  const { parts } = item;
  const head = parts[0];
  const free = unboundSymbols(parts, context.scope(state.bindings));
  if (head.kind === 'sym' && parts.length === 2 && free.length === 1 && free[0] === head.name && !named) {
    const value = tryValue(parts[1], context, state);
    if (value !== null && solvesSomething(head.name, context, text))
      return { kind: 'solution', variable: head.name, value, expr: parts[1] };
  }
  if (head.kind === 'sym' && free.includes(head.name) && !named && head.name.length <= 2)
    return { kind: 'definition', name: head.name };
  // `|a_{n-1}| = …` is a value, not a definition of abs: only unknown function names are defined here
  if (
    head.kind === 'call' &&
    !context.functions.has(head.name) &&
    !Object.hasOwn(FUNCTION_ARITY, head.name) &&
    head.args.length === 1 &&
    head.args[0].kind === 'sym'
  )
    return { kind: 'function_definition', name: head.name, param: head.args[0].name };
  if (free.length === 0) return { kind: 'evaluation', named };
  return { kind: 'symbolic', free };
}

/** `x = 4` is a solution when there is something in x to solve: a condition, the problem's equation, f'(x) = 0. */
function solvesSomething(variable: string, context: StudentContext, text: string): boolean {
  return (
    context.condition?.variable === variable ||
    context.statementCondition?.variable === variable ||
    CRITICAL.test(text) ||
    [...context.studentNames].some((n) => n.endsWith("'"))
  );
}

/** `\frac{d}{dx}(…)` as the whole left side (read as `deriv_x(…)`). */
function isDerivativeOperator(expr: Expr): boolean {
  return expr.kind === 'call' && DERIVATIVE_OPERATOR.test(expr.name) && expr.args.length === 1;
}

/** `\sum_{k=1}^{10} k` as the whole left side (read as `summation_k(1, 10, k)`). */
function isSumOperator(expr: Expr): boolean {
  return expr.kind === 'call' && SUM_OPERATOR.test(expr.name) && expr.args.length === 3;
}
