/** A short hash of a text, to tell cheaply whether what something was computed from has changed. */

/** FNV-1a, 32 bits, as 8 hex digits (not for security: for noticing a change). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
