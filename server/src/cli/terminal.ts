// What the command line may do to a terminal: colour only where a person reads it, progress only on
// stderr and only when it is a terminal, so that pipes, files and CI logs get plain lines.

/**
 * Colour when the stream is a terminal or FORCE_COLOR asks for it (CI logs that render colour);
 * never when NO_COLOR is set to anything non-empty (https://no-color.org), whatever else says.
 */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
    if (env.NO_COLOR) return false;
    if (env.FORCE_COLOR && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
    return stream.isTTY === true && env.TERM !== 'dumb';
}

const CODES = { red: 31, yellow: 33, blue: 34, cyan: 36, dim: 2, bold: 1 } as const;
export type Style = keyof typeof CODES;

/** Wraps text in one ANSI style, or leaves it alone when colour is off. */
export type Painter = (style: Style, text: string) => string;

/** A painter for the stream: ANSI styles when it wants colour, the text unchanged otherwise. */
export function painterFor(stream: { isTTY?: boolean }): Painter {
    return wantsColour(stream) ? (style, text) => `\x1b[${CODES[style]}m${text}\x1b[0m` : (_style, text) => text;
}

/** One status line on stderr, rewritten in place; silent unless stderr is a terminal. */
export class Progress {
    private shown = false;
    private readonly enabled = process.stderr.isTTY === true;
    private readonly started = Date.now();

    /** Shows `text` once the run has taken half a second: quick runs never flicker. */
    update(text: string): void {
        if (!this.enabled || Date.now() - this.started < 500) return;
        process.stderr.write(`\r\x1b[2K${text}`);
        this.shown = true;
    }

    /** Erases the status line, so that what follows starts on a clean line. */
    done(): void {
        if (this.shown) process.stderr.write('\r\x1b[2K');
        this.shown = false;
    }
}
