/**
 * One string per short value the parser reads. Each token's text is a new string, so a model that
 * writes `owner "team-a"` or refers to `orders` a thousand times keeps a thousand equal strings:
 * at the benchmark's L model, 95,000 property values of 168 distinct texts, 74,000 reference texts
 * of 12,000 and 12,000 kinds of 18 (5 MB of the language server's heap). The parser hands each
 * value through {@link intern}, which gives back the first equal one it was given.
 *
 * Only strings of up to 12 characters: V8 copies a substring that short, while a longer one may be
 * a slice that keeps the whole text it was cut from alive, and a shared slice would keep one file's
 * old text alive for another file's tree. The table is emptied when a build ends
 * ({@link forgetInterned}), so it keeps nothing alive between builds, and when it grows past
 * {@link MAX_ENTRIES}.
 */
const table = new Map<string, string>();

/** The longest string interned: V8's substrings shorter than 13 characters are copies, not slices. */
export const MAX_INTERNED_LENGTH = 12;

const MAX_ENTRIES = 100_000;

/** The first string equal to `value` given since the table was last emptied (`value` when it is the first, or long). */
export function intern<T>(value: T): T {
    if (typeof value !== 'string' || value.length > MAX_INTERNED_LENGTH) return value;
    const known = table.get(value);
    if (known !== undefined) return known as T;
    if (table.size >= MAX_ENTRIES) table.clear();
    table.set(value, value);
    return value;
}

/** Empties the table (at the end of each build). */
export function forgetInterned(): void {
    table.clear();
}

/** How many strings the table holds (for tests). */
export function internedCount(): number {
    return table.size;
}
