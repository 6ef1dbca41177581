import { createHash } from 'node:crypto';

// The review pages run no script at all. KaTeX positions glyphs with style attributes, so instead of
// 'unsafe-inline' the policy lists the hash of each style attribute the page actually contains
// ('unsafe-hashes'): student text is escaped, so it can never add a style attribute of its own.

const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/g;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

function decodeAttribute(value: string): string {
  return value.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

export function styleAttributeHashes(page: string): string[] {
  const values = new Set([...page.matchAll(STYLE_ATTRIBUTE)].map((match) => decodeAttribute(match[1]!)));
  return [...values].sort().map((value) => `'sha256-${createHash('sha256').update(value, 'utf8').digest('base64')}'`);
}

export function contentSecurityPolicy(page: string): string {
  const hashes = styleAttributeHashes(page);
  return [
    "default-src 'none'",
    "script-src 'none'",
    "style-src 'self'",
    hashes.length > 0 ? `style-src-attr 'unsafe-hashes' ${hashes.join(' ')}` : "style-src-attr 'none'",
    "font-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers for every review page: the policy above, no sniffing, no referrer, never cached. */
export function reviewPageHeaders(page: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(page),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
  };
}
