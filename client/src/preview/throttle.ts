/**
 * Runs `run` at once on the first call, then at most once per `interval` ms: calls in between
 * collapse into one at the end of the interval, so the last change is always drawn. The preview's
 * "first render at once, then throttled" (architecture.md).
 */
export class Throttle {
    private timer: ReturnType<typeof setTimeout> | undefined;
    private last = Number.NEGATIVE_INFINITY;

    constructor(private readonly run: () => void, private readonly interval = 150, private readonly now: () => number = Date.now) {}

    schedule(): void {
        if (this.timer !== undefined) return;
        const wait = this.last + this.interval - this.now();
        if (wait <= 0) this.fire();
        else this.timer = setTimeout(() => this.fire(), wait);
    }

    /** Runs now, whatever the interval says (a choice the user just made). */
    runNow(): void {
        clearTimeout(this.timer);
        this.fire();
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
    }

    private fire(): void {
        this.timer = undefined;
        this.last = this.now();
        this.run();
    }
}
