/** How much of a long list an email shows so that it stays inside a byte budget (Gmail refuses bodies past 200 KB): every list some of its first entries, then more in order, while they fit. */

/** Bytes a digest email may take, plain text and HTML together: half of Gmail's body limit, room to spare. */
export const EMAIL_BYTES = 100 * 1024;

/** The UTF-8 size of `text` (a Chinese character takes 3 bytes), without a platform encoder: Apps Script has none. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * How many entries of each list to show, given each entry's size in bytes, within `budget` bytes: first up to `first`
 * entries of every list in turn, then more of each in order up to its `most` (one number for every list, or one per
 * list), each entry only while it still fits. A list is never shown past an entry that does not fit, so what is shown
 * is always its first entries.
 */
export function shownCounts(
  sizes: readonly (readonly number[])[],
  budget: number,
  first: number,
  most: number | readonly number[],
): number[] {
  const counts = sizes.map(() => 0);
  const mostOf = (list: number) => (typeof most === "number" ? most : (most[list] ?? 0));
  let left = budget;
  for (const round of ["first", "most"] as const) {
    sizes.forEach((entries, list) => {
      const limit = round === "first" ? Math.min(first, mostOf(list)) : mostOf(list);
      let count = counts[list] ?? 0;
      while (count < Math.min(limit, entries.length) && (entries[count] ?? 0) <= left) {
        left -= entries[count] ?? 0;
        count++;
      }
      counts[list] = count;
    });
  }
  return counts;
}
