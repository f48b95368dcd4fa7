// The labels the preview hands back without Mermaid's sanitizing (client/webview/label-text.ts) are
// labels DOMPurify gives back unchanged, in both of the passes Mermaid's sanitizeText makes, in a
// real Chromium; and the views' labels are such labels, so the shortcut is taken.
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizedAlready } from '../../client/webview/label-text.js';
import { Random } from '../fuzz/mutations.js';
import { diagram, EXAMPLE, loadWorkspace, renderFields } from './diagrams.js';
import { launchChromium } from './preview-page.js';
import { modelText } from '../../bench/views-model.js';

const ROOT = join(import.meta.dirname, '..', '..');
const STRICT = { securityLevel: 'strict' };

let browser: Browser;
let page: Page;

beforeAll(async () => {
    const bundle = await esbuild.build({
        stdin: { contents: 'import DOMPurify from "dompurify"; window.DOMPurify = DOMPurify;', resolveDir: ROOT, loader: 'js' },
        bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'warning'
    });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
});
afterAll(async () => { await browser?.close(); });

/** What Mermaid's two passes give back for each text (removeScript's, then sanitizeText's own). */
function purified(texts: string[]): Promise<[string, string][]> {
    return page.evaluate(texts => {
        const purify = (window as unknown as { DOMPurify: { sanitize(text: string, config?: object): string } }).DOMPurify;
        return texts.map(text => [purify.sanitize(text), purify.sanitize(text, { FORBID_TAGS: ['style'] })] as [string, string]);
    }, texts);
}

/** Random texts made of pieces that markup, references, the parser and the serializer treat specially. */
function texts(count: number): string[] {
    const pieces = ['a', 'Z', '0', ' ', '  ', '\t', '\n', '\r', '\f', '\v', '\0', '\u0001', '\u007f', '\u0085', '\u00a0', '\u2028', '\ufeff',
        '\ufffe', '\ud83d\ude00', '\ud83d', '\ude00', 'é', '·', '"', '\'', '=', '#', ';', '/', '`', '<br>', '<br/>', '<BR>', '</br>', '<p>', '</p>',
        '<b>', '<', '>', '&', '&amp;', '&lt;', '&#60;', '&nbsp', '#lt;', '<!--', '-->', ']]>', '<![CDATA[', '<svg>', '<style>', '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>', 'javascript:', '<a href="x">', '</a>', '<math>', '<template>', '<noscript>', '<textarea>'];
    // Half the texts only from pieces that look harmless, so that many are accepted.
    const harmless = ['a', 'Z', '0', ' ', '\t', '\n', '\u2028', '\ufeff', 'é', '·', '"', '\'', '=', '#', ';', '/', '`', '<br>', '«', '€'];
    const random = new Random(11);
    return Array.from({ length: count }, (_, i) => {
        const from = i % 2 === 0 ? pieces : harmless;
        const text = Array.from({ length: 1 + random.int(8) }, () => random.pick(from)).join('');
        // Wrapped as one paragraph a third of the time, as Mermaid's label drawing hands labels over.
        return random.int(3) === 0 ? `<p>${text}</p>` : text;
    });
}

describe('labels handed back without sanitizing', () => {
    it('come back unchanged from both of DOMPurify\'s passes', async () => {
        const all = texts(20_000);
        const accepted = all.filter(text => sanitizedAlready(text, STRICT));
        // Enough of them for the check to mean something, and not everything.
        expect(accepted.length).toBeGreaterThan(5_000);
        expect(accepted.length).toBeLessThan(all.length * 0.6);
        const results = await purified(accepted);
        results.forEach(([first, second], i) => {
            expect(first, JSON.stringify(accepted[i])).toBe(accepted[i]);
            expect(second, JSON.stringify(accepted[i])).toBe(accepted[i]);
        });
    });

    it('include the views\' labels, plain and as a paragraph', async () => {
        const labels = ['Element 0 with a longer title<br>service · Go', 'step 1 · HTTPS<br>sensitive: payment', 'System', 'Checkout API<br>service · TypeScript 5',
            'Orders DB<br>database · PostgreSQL 16 (primary, replica)', '99.9% availability', '«container»'];
        for (const label of labels) {
            expect(sanitizedAlready(label, STRICT), label).toBe(true);
            expect(sanitizedAlready(`<p>${label}</p>`, STRICT), label).toBe(true);
        }
        const results = await purified(labels);
        results.forEach(([first, second], i) => expect([first, second]).toEqual([labels[i], labels[i]]));
    });

    it('take Mermaid\'s way for markup, references and white space at the start', () => {
        for (const text of ['a<b>b</b>', 'a &amp; b', 'a < b', 'a > b', '<img src=x onerror=alert(1)>', ' leading', '\nleading', 'a\rb', 'a\u00a0b', 'a\0b',
            '<p>a</p><p>b</p>', '<br/>', '<BR>', 'x<p>y</p>', '\ud83d\ude00']) {
            expect(sanitizedAlready(text, STRICT), JSON.stringify(text)).toBe(false);
        }
    });

    it('only with Mermaid\'s strict security and no DOMPurify settings of the diagram\'s own', () => {
        expect(sanitizedAlready('plain', STRICT)).toBe(true);
        for (const config of [undefined, {}, { securityLevel: 'loose' }, { securityLevel: 'antiscript' }, { securityLevel: 'sandbox' },
            { securityLevel: 'strict', dompurifyConfig: { FORBID_TAGS: ['br'] } }]) {
            expect(sanitizedAlready('plain', config), JSON.stringify(config)).toBe(false);
        }
        expect(sanitizedAlready(['plain'], STRICT)).toBe(false);
    });
});

describe('the views', () => {
    it('write flowchart labels that are handed back at once', async () => {
        for (const ws of [await loadWorkspace(EXAMPLE), await loadWorkspace(modelText(30))]) {
            for (const view of diagram(ws, undefined).views) {
                const { mermaid } = renderFields(diagram(ws, view.id));
                if (!/^flowchart /m.test(mermaid)) continue;
                // A node's or an edge's label as the views write it: label: "…", ["…"] or |"…"|.
                const labels = [...mermaid.matchAll(/label: "([^"]*)"|\["([^"]*)"\]|\|"([^"]*)"\|/g)].map(m => m[1] ?? m[2] ?? m[3]).filter(Boolean);
                expect(labels.length, view.id).toBeGreaterThan(0);
                const plain = labels.filter(label => !label.includes('#'));
                for (const label of plain) expect(sanitizedAlready(label, STRICT), `${view.id}: ${label}`).toBe(true);
            }
        }
    });
});
