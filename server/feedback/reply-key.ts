import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The citizen's reply key: 160 random bits in base64url (27 characters), shown once at filing
 * and carried by the status link. Only its SHA-256 is stored: a key this long needs no slow hash,
 * and a copy of the database does not let anyone reply in the citizen's name.
 */
export function newReplyKey(): { key: string; hash: string } {
  const key = randomBytes(20).toString('base64url');
  return { key, hash: hashReplyKey(key) };
}

export function hashReplyKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Does `key` open the item whose stored hash is `hash`? (Constant time; no hash never matches.) */
export function keyMatches(hash: string | null, key: string | undefined): boolean {
  if (!hash || !key) return false;
  const a = Buffer.from(hash, 'hex');
  const b = Buffer.from(hashReplyKey(key), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
