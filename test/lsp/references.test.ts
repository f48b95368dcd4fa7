import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeRange, loadAtCursor } from './cursor-workspace.js';

const example = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

const shop = 'system shop "Shop" {\n  system inner "Inner" {\n    service orders "Orders"\n  }\n}\n';
const uses = 'person u "U"\nu -> shop.inner.orders "buys"\nu -> orders "again"\nview inside of shop\nview deeper of shop.inner\n';

/** Every place find references lists, as `file:line:col text`, sorted. */
async function referencesAt(files: Record<string, string>, includeDeclaration: boolean): Promise<string[]> {
    const ws = await loadAtCursor(files);
    const locations = await ws.services.lsp.ReferencesProvider!.findReferences(ws.here, { ...ws.params, context: { includeDeclaration } });
    return locations.map(l => describeRange(ws, l.uri, l.range)).sort();
}

async function highlightsAt(files: Record<string, string>): Promise<string[]> {
    const ws = await loadAtCursor(files);
    const highlights = await ws.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(ws.here, ws.params) ?? [];
    return highlights.map(h => describeRange(ws, ws.here.uri.toString(), h.range)).sort();
}

describe('find references', () => {
    it('lists the uses of an element across files, its segment of dotted paths included', async () => {
        const files = { 'a.arch': shop.replace('service orders', 'service ord|ers'), 'b.arch': uses };
        expect(await referencesAt(files, false)).toEqual(['b.arch:2:17 orders', 'b.arch:3:6 orders']);
        expect(await referencesAt(files, true)).toEqual(['a.arch:3:13 orders', 'b.arch:2:17 orders', 'b.arch:3:6 orders']);
    });

    it('counts a system used as the leading segment of paths to its parts', async () => {
        const files = { 'a.arch': shop, 'b.arch': uses.replace('view inside of shop', 'view inside of s|hop') };
        expect(await referencesAt(files, true)).toEqual(['a.arch:1:8 shop', 'b.arch:2:6 shop', 'b.arch:4:16 shop', 'b.arch:5:16 shop']);
    });

    it('counts a middle segment as a use of the element it names', async () => {
        const files = { 'a.arch': shop, 'b.arch': uses.replace('shop.inner.orders', 'shop.in|ner.orders') };
        expect(await referencesAt(files, false)).toEqual(['b.arch:2:11 inner', 'b.arch:5:21 inner']);
    });

    it('lists every use of a requirement in the design example', async () => {
        const marked = example.replace('requirement always-on', 'requirement always|-on');
        expect(await referencesAt({ 'shop.arch': marked }, true)).toEqual(['shop.arch:23:13 always-on', 'shop.arch:74:25 always-on', 'shop.arch:89:40 always-on']);
    });
});

describe('document highlight', () => {
    it('marks the declaration and the uses in this file only', async () => {
        const files = { 'a.arch': shop + 'service web "Web"\nweb -> shop.inner.orders\nweb -> orders\n', 'b.arch': uses.replace('u -> orders', 'u -> o|rders') };
        expect(await highlightsAt(files)).toEqual(['b.arch:2:17 orders', 'b.arch:3:6 orders']);
        const inA = { 'a.arch': (shop + 'service web "Web"\nweb -> shop.inner.orders\nweb -> orders\n').replace('web -> orders', 'web -> or|ders'), 'b.arch': uses };
        expect(await highlightsAt(inA)).toEqual(['a.arch:3:13 orders', 'a.arch:7:19 orders', 'a.arch:8:8 orders']);
    });
});
