// KaTeX's stylesheet as the review pages serve it. KaTeX ships `font-display: block`, which keeps
// math invisible until its fonts arrive (or for ~3 s when they are slow or blocked); `swap` shows
// the math at once in a fallback font and swaps the KaTeX font in when it loads.
export function katexStylesheet(css: string): string {
  return css.replace(/@font-face\s*\{([^}]*)\}/g, (_rule, body: string) => {
    const declarations = body
      .split(';')
      .map((declaration) => declaration.trim())
      .filter((declaration) => declaration !== '' && !/^font-display\s*:/i.test(declaration));
    return `@font-face{font-display:swap;${declarations.join(';')}}`;
  });
}
