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
