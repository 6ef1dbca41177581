// Every string that did not come from KaTeX goes through here before it reaches the page: student
// text, reasons, titles, ids. Quotes are escaped too, so the result is safe inside attributes.
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text.replace(/[&<>"'`]/g, (character) => ENTITIES[character]!);
}

/** A tagged template that escapes every interpolated value unless it is already trusted markup. */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export const raw = (markup: string) => new SafeHtml(markup);

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function renderPart(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.html;
  if (Array.isArray(part)) return part.map((inner) => renderPart(inner)).join('');
  return escapeHtml(part);
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += renderPart(value) + strings[index + 1]!;
  });
  return new SafeHtml(out);
}
