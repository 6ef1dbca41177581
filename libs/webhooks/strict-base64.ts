// Node's base64 decoders skip characters outside the alphabet and ignore padding and unused bits,
// so many strings decode to the same bytes ("v1,!!!!<sig>", "<sig>==", a last character with
// stray low bits). A credential must have one spelling: anything but the canonical encoding of
// its bytes is refused.

const ALPHABETS = {
  base64: /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
  base64url: /^[A-Za-z0-9_-]*$/,
} as const;

/** The bytes of `text` when it is the canonical encoding of them; null otherwise (or when empty). */
export function decodeStrictBase64(text: string, encoding: keyof typeof ALPHABETS): Buffer | null {
  if (text.length === 0 || !ALPHABETS[encoding].test(text)) return null;
  const bytes = Buffer.from(text, encoding);
  return bytes.toString(encoding) === text ? bytes : null;
}
