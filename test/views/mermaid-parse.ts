// Mermaid's sanitizer binds to `window` when mermaid is first imported, so a jsdom window must be
// on globalThis before that import (testing.md). Every view test reaches Mermaid through this file.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });

type Mermaid = typeof import('mermaid').default;
let loading: Promise<Mermaid> | undefined;

async function load(): Promise<Mermaid> {
    const g = globalThis as Record<string, unknown>;
    g.window ??= dom.window;
    g.document ??= dom.window.document;
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return mermaid;
}

/** Parses Mermaid text as the preview will; rejects with Mermaid's own message when it does not parse. */
export async function mermaidParse(text: string): Promise<unknown> {
    loading ??= load();
    return (await loading).parse(text);
}

/** The parsed diagram with its database (vertices, actors, requirements...), to see what Mermaid made of the text. */
export async function mermaidDiagram(text: string): Promise<{ type: string; db: any }> {
    loading ??= load();
    const diagram = await (await loading).mermaidAPI.getDiagramFromText(text);
    return { type: diagram.type, db: diagram.db };
}

/**
 * The HTML a label becomes once Mermaid has turned its entity codes (`#35;`) into HTML entities,
 * as it does after parsing; `label` may be raw Mermaid text or the encoded text in Mermaid's db.
 */
export function labelHtml(label: string): string {
    return label
        .replace(/#(\w+);/g, (_m, code: string) => (/^\d+$/.test(code) ? `&#${code};` : `&${code};`))
        .replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
}

/** What a reader sees of a label: the text of its HTML, `<br>` as a line break. */
export function shownText(label: string): string {
    const div = dom.window.document.createElement('div');
    div.innerHTML = labelHtml(label);
    for (const br of div.querySelectorAll('br')) br.replaceWith('\n');
    return div.textContent ?? '';
}

/** The tag names of the HTML elements a label creates (only `br` is ever expected). */
export function labelTags(label: string): string[] {
    const div = dom.window.document.createElement('div');
    div.innerHTML = labelHtml(label);
    return [...div.querySelectorAll('*')].map(e => e.tagName.toLowerCase());
}
