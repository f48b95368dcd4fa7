import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { Throttle } from '../../client/src/preview/throttle.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('draws the first change at once, then at most every 150 ms, always ending with the last change', () => {
    const runs: number[] = [];
    const throttle = new Throttle(() => runs.push(Date.now()), 150);
    const start = Date.now();
    throttle.schedule();
    expect(runs).toEqual([start]);
    // Typing: a change every 20 ms for 400 ms.
    for (let t = 20; t <= 400; t += 20) {
        vi.advanceTimersByTime(20);
        throttle.schedule();
    }
    vi.advanceTimersByTime(1000);
    expect(runs.map(r => r - start)).toEqual([0, 150, 300, 450]);
});

it('runs a user\'s choice at once, even inside the interval, and forgets the pending run', () => {
    let runs = 0;
    const throttle = new Throttle(() => runs++, 150);
    throttle.schedule();
    throttle.schedule();
    throttle.runNow();
    expect(runs).toBe(2);
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(2);
});

it('runs nothing after it is disposed', () => {
    let runs = 0;
    const throttle = new Throttle(() => runs++, 150);
    throttle.schedule();
    throttle.schedule();
    throttle.dispose();
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(1);
});
