// What student LaTeX may use. KaTeX has no allow-list of its own, so every command and environment
// is checked here before KaTeX sees the source: math notation passes; anything that draws boxes or
// colours, sets raw sizes or positions (\raisebox, \colorbox, \color, \rule, \kern, \Huge, \\[2em]),
// overlaps text (\llap, \smash), defines macros, links or embeds (\href, \html…, \includegraphics)
// is refused, and the segment is shown as its source text. \boxed stays: it frames the answer and
// carries no colour or size of its own.

const GREEK =
  'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho varrho ' +
  'sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega';
const OPERATORS =
  'pm mp times div cdot ast star circ bullet oplus ominus otimes setminus cup cap wedge vee land lor neg lnot ' +
  'sum prod coprod int iint iiint oint lim limsup liminf sup inf max min sin cos tan cot sec csc arcsin arccos ' +
  'arctan sinh cosh tanh coth ln log lg exp det gcd lcm deg dim ker arg Pr mod bmod pmod operatorname partial ' +
  'nabla infty prime degree angle triangle square';
const RELATIONS =
  'le leq ge geq lt gt ne neq approx equiv sim simeq cong propto ll gg in notin ni subset subseteq supset supseteq ' +
  'mid nmid parallel perp not to gets mapsto rightarrow leftarrow leftrightarrow Rightarrow Leftarrow ' +
  'Leftrightarrow longrightarrow longleftarrow Longrightarrow Longleftarrow longleftrightarrow Longleftrightarrow ' +
  'implies impliedby iff uparrow downarrow therefore because forall exists nexists emptyset varnothing top bot';
const STRUCTURE =
  'frac dfrac tfrac cfrac binom dbinom tbinom sqrt left right middle big Big bigg Bigg bigl bigr Bigl Bigr biggl ' +
  'biggr Biggl Biggr over choose above atop limits nolimits displaystyle textstyle scriptstyle overline underline ' +
  'overbrace underbrace overrightarrow overleftarrow hat widehat bar vec tilde widetilde dot ddot acute grave ' +
  'breve check overset underset stackrel xrightarrow xleftarrow boxed begin end cr';
const DELIMITERS =
  'langle rangle lfloor rfloor lceil rceil vert Vert lvert rvert lVert rVert backslash lbrace rbrace lbrack rbrack';
const TEXT =
  'text textrm textbf textit textsf texttt textnormal emph mathrm mathbf mathit mathsf mathtt mathcal mathbb ' +
  'mathfrak mathscr boldsymbol bm ldots cdots vdots ddots dots dotsc dotsb quad qquad enspace thinspace ' +
  'medspace thickspace negthinspace ell hbar Re Im aleph N Z Q R C percent dagger colon';

const ALLOWED_COMMANDS = new Set([GREEK, OPERATORS, RELATIONS, STRUCTURE, DELIMITERS, TEXT].join(' ').split(/\s+/));

/** Control symbols: escaped specials and the fixed-size spaces. */
const ALLOWED_SYMBOLS = new Set([',', ';', ':', '!', '>', ' ', '{', '}', '|', '%', '$', '&', '#', '_', '\\']);

const ALLOWED_ENVIRONMENTS = new Set(
  (
    'matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix smallmatrix cases dcases rcases aligned alignedat gathered ' +
    'array subarray split align align* gather gather* equation equation*'
  ).split(' '),
);

const CONTROL_SEQUENCE = /\\([A-Za-z]+|[^A-Za-z])/g;
const ENVIRONMENT = /\\(?:begin|end)\s*\{([^}]*)\}/g;
// `\\[2em]`: a line break with a raw vertical size.
const SIZED_LINE_BREAK = /\\\\\s*\[/;

/** The first command or environment student math may not use (as written, e.g. `\raisebox`), or null. */
export function firstDisallowed(tex: string): string | null {
  for (const match of tex.matchAll(CONTROL_SEQUENCE)) {
    const name = match[1]!;
    const allowed = /^[A-Za-z]/.test(name) ? ALLOWED_COMMANDS.has(name) : ALLOWED_SYMBOLS.has(name);
    if (!allowed) return `\\${name}`;
  }
  for (const match of tex.matchAll(ENVIRONMENT)) {
    const name = match[1]!.trim();
    if (!ALLOWED_ENVIRONMENTS.has(name)) return `{${name}}`;
  }
  if (SIZED_LINE_BREAK.test(tex)) return '\\\\[…]';
  return null;
}
