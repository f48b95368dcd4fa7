import { describe, expect, it } from 'vitest';
import { exact, minOf, pushAll } from '../../server/src/util/arrays.js';

describe('array helpers for lists of any length', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => 300_000 - i);

    it('pushAll appends every part in order, past the length a spread call takes', () => {
        expect(() => ([] as number[]).push(...many)).toThrow(RangeError);
        const target = [0];
        expect(pushAll(target, [1, 2], many, new Set([-1]))).toBe(target);
        expect(target.length).toBe(3 + many.length + 1);
        expect(target.slice(0, 4)).toEqual([0, 1, 2, 300_000]);
        expect(target.at(-1)).toBe(-1);
    });

    it('minOf gives the smallest number, or the fallback for none', () => {
        expect(minOf(many, 7)).toBe(1);
        expect(minOf([], 7)).toBe(7);
        expect(minOf([3, -2, 5], 0)).toBe(-2);
    });

    it('copies a kept list to one of its own length, and leaves an empty one as it is', () => {
        const pushed: number[] = [];
        for (let i = 0; i < 3; i++) pushed.push(i);
        const copy = exact(pushed);
        expect(copy).toEqual([0, 1, 2]);
        expect(copy).not.toBe(pushed);
        const empty: number[] = [];
        expect(exact(empty)).toBe(empty);
    });
});
