import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeRange, loadAtCursor } from './cursor-workspace.js';

const example = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

/** Where go to definition lands from the marker, and which text it underlines as the origin. */
async function definitionAt(files: Record<string, string> | string): Promise<string[]> {
    const ws = await loadAtCursor(files);
    const links = await ws.services.lsp.DefinitionProvider!.getDefinition(ws.here, ws.params) ?? [];
    return links.map(link => `${describeRange(ws, ws.here.uri.toString(), link.originSelectionRange!).replace(/^\S+ /, '')} => ${describeRange(ws, link.targetUri, link.targetSelectionRange)}`);
}

const shop = 'system shop "Shop" {\n  system inner "Inner" {\n    service orders "Orders"\n  }\n}\n';

describe('go to definition', () => {
    it('goes from a flow end to the element in the design example', async () => {
        const text = example.replace('orders -> payments "charges the card"', 'orders -> pay|ments "charges the card"');
        expect(await definitionAt({ 'shop.arch': text })).toEqual(['payments => shop.arch:58:10 payments']);
    });

    it('goes from satisfies, runs and affects to what they name', async () => {
        const runs = example.replace('runs orders-db\n      }\n    }\n    zone eu-west-1b', 'runs orders|-db\n      }\n    }\n    zone eu-west-1b');
        expect(await definitionAt({ 'shop.arch': runs })).toEqual(['orders-db => shop.arch:101:12 orders-db']);
        const satisfies = example.replace('satisfies checkout, always-on, peak-load', 'satisfies checkout, always-on, peak|-load');
        expect(await definitionAt({ 'shop.arch': satisfies })).toEqual(['peak-load => shop.arch:28:13 peak-load']);
        const affects = example.replace('affects orders, payments', 'affects orders, |payments');
        expect(await definitionAt({ 'shop.arch': affects })).toEqual(['payments => shop.arch:58:10 payments']);
    });

    it('goes to a declaration in another file', async () => {
        expect(await definitionAt({ 'a.arch': shop, 'b.arch': 'person u "U"\nu -> ord|ers "uses"\n' }))
            .toEqual(['orders => a.arch:3:13 orders']);
    });

    it('goes from each segment of a dotted path to the element that segment names', async () => {
        const use = (marked: string) => ({ 'a.arch': shop, 'b.arch': `person u "U"\nu -> ${marked} "uses"\n` });
        expect(await definitionAt(use('sh|op.inner.orders'))).toEqual(['shop => a.arch:1:8 shop']);
        expect(await definitionAt(use('shop.inn|er.orders'))).toEqual(['inner => a.arch:2:10 inner']);
        expect(await definitionAt(use('shop.inner.|orders'))).toEqual(['orders => a.arch:3:13 orders']);
    });

    it('finds nothing on a keyword or an unresolved name', async () => {
        expect(await definitionAt('serv|ice a "A"\n')).toEqual([]);
        expect(await definitionAt('service a "A"\na -> nowh|ere\n')).toEqual([]);
    });

    it('goes from an id named like a keyword', async () => {
        expect(await definitionAt('service data "Data"\nservice b "B"\nb -> da|ta\n')).toEqual(['data => model.arch:1:9 data']);
    });
});
