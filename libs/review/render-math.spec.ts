// Protects how student text becomes HTML: math is typeset by KaTeX, prose is escaped, and hostile
// input (script tags, \href{javascript:…}, raw HTML inside math) comes out as inert text.
import { describe, expect, it } from '@jest/globals';
import { splitMathSegments } from './math-segments.js';
import { plainToLatex, splitPlainMath } from './plain-math.js';
import { renderMathText } from './render-math.js';

describe('splitMathSegments', () => {
  it('finds $…$, $$…$$, \\(…\\) and \\[…\\] and keeps the prose between them', () => {
    expect(splitMathSegments("对 $ f(x) = x^3 $ 求导: $$ f'(x) = 3x^2 $$ and \\(a\\) or \\[b\\]")).toEqual([
      { kind: 'text', text: '对 ' },
      { kind: 'math', tex: 'f(x) = x^3', display: false },
      { kind: 'text', text: ' 求导: ' },
      { kind: 'math', tex: "f'(x) = 3x^2", display: true },
      { kind: 'text', text: ' and ' },
      { kind: 'math', tex: 'a', display: false },
      { kind: 'text', text: ' or ' },
      { kind: 'math', tex: 'b', display: true },
    ]);
  });

  it('reads $10 … $12 as money and leaves an unclosed $ as prose', () => {
    expect(splitMathSegments('$10 x 1.2 = $12')).toEqual([{ kind: 'text', text: '$10 x 1.2 = $12' }]);
    expect(splitMathSegments('costs $5')).toEqual([{ kind: 'text', text: 'costs $5' }]);
  });
});

describe('plain math', () => {
  it('separates prose words from math runs, keeping trailing punctuation as prose', () => {
    const pieces = splitPlainMath('3x(x - 2) = 0, so x = 0 or x = 2.');
    expect(pieces.map((piece) => piece.kind)).toEqual(['math', 'text', 'math', 'text', 'math', 'text']);
    expect(pieces[1]).toEqual({ kind: 'text', text: ', so ' });
    expect(pieces[5]).toEqual({ kind: 'text', text: '.' });
  });

  it('keeps English sentences and lone numbers as prose', () => {
    expect(splitPlainMath('So the maximum is 2 and a minimum')).toEqual([
      { kind: 'text', text: 'So the maximum is 2 and a minimum' },
    ]);
  });

  it('rewrites plain notation as LaTeX', () => {
    expect(plainToLatex('sqrt(x^(2)+1) <= 2*x^10')).toBe('\\sqrt{x^{2}+1} \\le  2\\cdot x^{10}');
    expect(plainToLatex('x ∈ {0, 2}')).toBe('x ∈ \\{0, 2\\}');
  });
});

describe('renderMathText', () => {
  it('typesets delimited and plain math with KaTeX and keeps Chinese prose', () => {
    const out = renderMathText('解得:$ x = 0 $ 或 $ x = 2 $');
    expect(out.match(/class="katex"/g)).toHaveLength(2);
    expect(out).toContain('解得:');
    expect(renderMathText("f'(x) = 3x^2 - 6x")).toContain('class="katex"');
    expect(renderMathText('$$ 3x(x - 2) = 0 $$')).toContain('katex-display');
  });

  it('escapes a script tag in prose and in math', () => {
    const prose = renderMathText('<script>alert(1)</script> hello');
    expect(prose).not.toMatch(/<script/i);
    expect(prose).toContain('&lt;script&gt;');
    const math = renderMathText('$<script>alert(1)</script>$');
    expect(math).not.toMatch(/<script/i);
  });

  it('renders \\href{javascript:…} as text, never as a link', () => {
    for (const payload of [
      '$\\href{javascript:alert(1)}{click}$',
      '\\href{javascript:alert(1)}{click}',
      '$\\url{javascript:alert(1)}$',
    ]) {
      const out = renderMathText(payload);
      expect(out).not.toMatch(/<a\s/i);
      expect(out).not.toMatch(/href\s*=/i);
    }
  });

  it('refuses \\htmlData/\\htmlClass and attribute breakouts', () => {
    const out = renderMathText('$\\htmlClass{x" onmouseover="alert(1)}{y}$ " onclick="alert(1)');
    // Inside a tag, only attributes can appear: no event-handler attribute may be among them.
    expect(out).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(out).not.toMatch(/class="x"/);
    expect(out).toContain('onmouseover=&quot;alert(1)');
  });

  it('bounds macro expansion instead of hanging', () => {
    const bomb =
      '$\\def\\a{\\b\\b}\\def\\b{\\c\\c}\\def\\c{\\d\\d}\\def\\d{xxxxxxxxxx}\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a$';
    const started = Date.now();
    renderMathText(bomb);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('plain math inside a bilingual statement', () => {
  it('keeps bracketed words and unopened closing brackets out of the math', () => {
    const pieces = splitPlainMath('(Find the maximum of f(x) = x^3 on [-1, 3].)');
    expect(pieces[0]).toEqual({ kind: 'text', text: '(Find the maximum of ' });
    expect(
      pieces.filter((piece) => piece.kind === 'math').map((piece) => (piece as { source: string }).source),
    ).toEqual(['f(x) = x^3', '[-1, 3]']);
    expect(pieces.at(-1)).toEqual({ kind: 'text', text: '.)' });
  });
});

describe('plain math around a colon', () => {
  it('ends a formula at a colon followed by more math', () => {
    const pieces = splitPlainMath("Set f'(x) = 0: 3x^2 - 6x = 0");
    expect(
      pieces.filter((piece) => piece.kind === 'math').map((piece) => (piece as { source: string }).source),
    ).toEqual(["f'(x) = 0", '3x^2 - 6x = 0']);
  });
});
