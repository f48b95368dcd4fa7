// Everything a view writes from the model goes through this file. Model text may be hostile (a
// shared repository, a pasted example), and the preview renders it in a webview: no title, label or
// id may become Mermaid markup, a directive (`%%{init}%%`), a `click` line, HTML or a script.
//
// Labels: every character but letters, digits, marks, spaces and plain punctuation becomes a Mermaid
// entity code (`#35;` for `#`), which Mermaid turns into an HTML entity after parsing: drawn as text.
// Ids: generated from a sanitised id with a prefix, never model text.

/** Labels longer than this (in characters) are cut with an ellipsis: diagrams stay readable and small. */
export const MAX_LABEL_LENGTH = 120;

/**
 * Everything but letters, digits, combining marks, spaces and a few punctuation marks that mean
 * nothing inside a quoted label or a sequence message (those stay readable, right-to-left text
 * too), and always the invisible format characters such as bidirectional overrides.
 */
const UNSAFE_CHAR = /[^\p{L}\p{M}\p{N} .,'()/?!-]|[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** Plain ASCII text that needs no escaping at all: the common case, checked in one pass. */
const PLAIN = /^[A-Za-z0-9 .,'()/?!-]*$/;
/** Mermaid keyword that closes a block (`end`) as a whole word, in any case (Mermaid's lexers ignore case). */
const END_WORD = /\b(e)(nd)\b/gi;
const WHITESPACE = /\s+/g;

/**
 * Text as a Mermaid label body: one line, cut to `max` characters, with every character that
 * could mean something to Mermaid, Markdown, YAML or HTML written as an entity code.
 */
export function escapeLabel(text: string, max = MAX_LABEL_LENGTH): string {
    let line = PLAIN.test(text) && !text.includes('  ') ? text.trim() : text.replace(WHITESPACE, ' ').trim();
    if (line.length > max) {
        const chars = Array.from(line);
        if (chars.length > max) line = chars.slice(0, max - 1).join('') + '…';
    }
    const encoded = PLAIN.test(line) ? line : line.replace(UNSAFE_CHAR, ch => `#${ch.codePointAt(0)};`);
    return encoded.replace(END_WORD, (_m, e: string, rest: string) => `#${e.codePointAt(0)};${rest}`);
}

/** Several pieces of model text joined by a separator we choose (never model text itself). */
export function joinLabels(parts: readonly (string | undefined)[], separator = ' · '): string {
    return parts.filter((p): p is string => p !== undefined && p.trim() !== '').map(p => escapeLabel(p)).join(separator);
}

/**
 * Generates diagram ids: `prefix_` + the model id with every character outside [A-Za-z0-9_]
 * replaced, and a numeric suffix when two model ids sanitise to the same text. The same
 * (prefix, key) pair always gets the same id within one diagram, so output is deterministic.
 */
export class MermaidIds {
    private readonly byKey = new Map<string, string>();
    private readonly used = new Set<string>();

    id(prefix: string, key: string): string {
        const mapKey = `${prefix}\u0000${key}`;
        const known = this.byKey.get(mapKey);
        if (known) return known;
        const base = `${prefix}_${key.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 60);
        let candidate = base;
        for (let n = 2; this.used.has(candidate); n++) candidate = `${base}_${n}`;
        this.used.add(candidate);
        this.byKey.set(mapKey, candidate);
        return candidate;
    }
}
