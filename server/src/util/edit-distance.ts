// Two rows of the distance table, reused: "did you mean" compares a word with every name of the
// model, for each reference that does not resolve.
let rows = [new Int32Array(64), new Int32Array(64)];

/** Levenshtein distance (over UTF-16 code units); past `limit` it may stop early and give any larger number. */
export function editDistance(a: string, b: string, limit = Infinity): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    const n = b.length;
    if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1)];
    let [previous, current] = rows;
    for (let j = 0; j <= n; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let rowMin = i;
        const code = a.charCodeAt(i - 1);
        for (let j = 1; j <= n; j++) {
            const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1));
            current[j] = value;
            if (value < rowMin) rowMin = value;
        }
        if (rowMin > limit) return limit + 1;
        [previous, current] = [current, previous];
    }
    return previous[n];
}

/**
 * The closest candidate within an edit distance of 2, or a third of the word's length when that is
 * larger; of candidates equally close, the first in alphabetical order, so that the answer does not
 * depend on the order they come in (an index's order changes with the order files were built in).
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
    const limit = nearestLimit(word);
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

/** How far (in edits) a candidate may be from `word` for {@link nearest} to suggest it. */
export function nearestLimit(word: string): number {
    return Math.max(2, Math.floor(word.length / 3));
}
