/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            rowMin = Math.min(rowMin, current[j]);
        }
        if (rowMin > limit) return limit + 1;
        previous = current;
    }
    return previous[b.length];
}

/**
 * The closest candidate within an edit distance of 2, or a third of the word's length when that is
 * larger; of candidates equally close, the first in alphabetical order, so that the answer does not
 * depend on the order they come in (an index's order changes with the order files were built in).
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
    const limit = Math.max(2, Math.floor(word.length / 3));
    const lower = word.toLowerCase();
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
        if (candidate === word) continue;
        const d = editDistance(lower, candidate.toLowerCase(), Math.min(bestDistance, limit));
        if (d < bestDistance || (d === bestDistance && d <= limit && best !== undefined && candidate < best)) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}
