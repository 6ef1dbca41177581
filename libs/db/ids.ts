import { randomBytes } from 'node:crypto';

/**
 * Time-ordered UUIDv7 ids: opaque strings (no ':'), generated in the application so bulk inserts
 * need no round trip, and sortable by creation time so cursors can page by id.
 */
export function newId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ids from URLs are checked before they reach SQL, so a junk id is a plain 404. */
export function isId(value: string): boolean {
  return ID_SHAPE.test(value);
}
