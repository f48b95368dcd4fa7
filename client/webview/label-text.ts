// Labels that Mermaid's sanitizing would give back as they are, recognised without it
// (scripts/mermaid-patches.mjs, change 5).
//
// With `securityLevel: 'strict'` and no `dompurifyConfig` (the preview's settings: front matter
// cannot change the first, and the views never write the second), Mermaid's `sanitizeText` passes
// a label through DOMPurify twice, and it is called about twice per label per drawing. Each pass
// parses the text as a new HTML document, walks it and writes it out again: about 50 µs, 40 ms of an
// update at 100 nodes (bench/NOTES.md). A label that is only text which HTML's parser keeps as it is
// and its serialiser writes back as it was, lines joined by `<br>`, comes out of every pass
// unchanged, so it is handed back at once; so is such a label as one paragraph, `<p>…</p>`, which
// is how Mermaid's label drawing hands it over the second time. Any other label takes Mermaid's way.
//
// Kept and written back as they were: every character but `<`, `>` and `&` (markup and character
// references), U+00A0 (written back as `&nbsp;`), CR and NUL (the parser replaces them), other C0
// and C1 controls, surrogates and noncharacters (left out to keep this short), and white space at
// the start (the parser drops it before the body; DOMPurify puts some of it back).
// test/webview/label-text.test.ts checks that DOMPurify gives back every text this accepts.

const LINES = String.raw`(?!\s)(?:[^<>&\u0000-\u0008\u000b-\u001f\u007f-\u00a0\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]|<br>)*`;
const INERT = new RegExp(`^(?:${LINES}|<p>${LINES}</p>)$`);

/** Mermaid's configuration, as far as its sanitizing reads it. */
export interface SanitizeConfig {
    securityLevel?: string;
    dompurifyConfig?: unknown;
}

/** True when Mermaid's `sanitizeText(text, config)` would return `text` itself. */
export function sanitizedAlready(text: unknown, config: SanitizeConfig | undefined): boolean {
    return config?.securityLevel === 'strict' && config.dompurifyConfig === undefined
        && typeof text === 'string' && INERT.test(text);
}
