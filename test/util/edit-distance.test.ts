import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../server/src/util/edit-distance.js';
import { Random } from '../fuzz/mutations.js';

/** The textbook table, in full: what editDistance must agree with. */
function levenshtein(a: string, b: string): number {
    const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
    }
    return table[a.length][b.length];
}

describe('edit distance', () => {
    it('is Levenshtein distance, or some number past the limit when it is past, on 3,000 random pairs of every length up to 80', () => {
        const random = new Random(20261126);
        const word = (n: number) => Array.from({ length: n }, () => 'abcé-'[random.int(5)]).join('');
        for (let i = 0; i < 3_000; i++) {
            const [a, b] = [word(random.int(i % 10 === 0 ? 81 : 9)), word(random.int(i % 10 === 0 ? 81 : 9))];
            const exact = levenshtein(a, b);
            expect(editDistance(a, b), `${a} ${b}`).toBe(exact);
            const limit = random.int(5);
            const within = editDistance(a, b, limit);
            if (exact > limit) expect(within, `${a} ${b} within ${limit}`).toBeGreaterThan(limit);
            else expect(within, `${a} ${b} within ${limit}`).toBe(exact);
        }
    });

    it('suggests the nearest name, the first alphabetically of equals, none when all are far', () => {
        expect(nearest('ordres', ['orders', 'orbits', 'payments'])).toBe('orders');
        expect(nearest('ab', ['xb', 'ay'])).toBe('ay');
        expect(nearest('orders', ['payments', 'inventory'])).toBeUndefined();
        expect(nearest('orders', ['orders'])).toBeUndefined();
    });
});
