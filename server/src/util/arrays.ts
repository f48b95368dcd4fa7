// Array helpers for lists whose length comes from the user's files. A spread into a call
// (`push(...items)`, `Math.min(...items)`) passes every item as an argument and throws RangeError
// past roughly 120,000 of them: a 200,000-line text block or a file of 200,000 syntax errors did.

/** Appends the items of each of PARTS to TARGET, one by one; returns TARGET. */
export function pushAll<T>(target: T[], ...parts: Iterable<T>[]): T[] {
    for (let p = 0; p < parts.length; p++) {
        const part = parts[p];
        if (Array.isArray(part)) for (let i = 0; i < part.length; i++) target.push(part[i] as T);
        else for (const item of part) target.push(item);
    }
    return target;
}

/** The smallest of NUMBERS, or FALLBACK when there are none. */
export function minOf(numbers: Iterable<number>, fallback: number): number {
    let min = Infinity;
    for (const n of numbers) if (n < min) min = n;
    return min === Infinity ? fallback : min;
}

/**
 * LIST with no spare room, for a list that is kept. Pushing grows an array by half again plus 16
 * slots, so a kept list of one or two items built by push carries 15 empty slots (120 bytes) for
 * as long as it lives; the copy has exactly its length. An empty list is returned as it is.
 */
export function exact<T>(list: T[]): T[] {
    return list.length === 0 ? list : list.slice();
}

/**
 * Path order, for sorting file names and URIs: by UTF-16 code unit, the order `sort()` gives with no
 * comparator. The same on every machine, unlike `localeCompare`, whose order depends on the locale
 * and which loads ICU's collation data (about 2 MB) into the server the first time it is called.
 */
export function inPathOrder(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
