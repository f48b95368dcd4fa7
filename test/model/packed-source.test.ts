import { describe, expect, it } from 'vitest';
import { keywordList, PACKED_CHARACTERS, PACKED_LINES, packPosition, PackedSource } from '../../server/src/model/packed-source.js';
import { changeBetween } from '../../server/src/rules/reuse.js';
import { loadWorkspace } from '../helpers.js';

// The language server's sources (PackedSource): the places each part gives, read once and kept, and
// how readiness reuse compares two of them. test/language/build-once.test.ts holds every source of
// the benchmark's M model and of every .arch file of the repository equal, read, to the plain ones
// the command line makes.

const TEXT = [
    'architecture "Shop" {',
    '  stage design',
    '}',
    'service orders "Orders" {',
    '  owner "team-a"',
    '  technology "Go"',
    '  owner "team-b"',
    '}',
    'database db "Orders DB"',
    'orders -> db "reads"',
    ''
].join('\n');

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe('a PackedSource', () => {
    it('gives the places of the name, the whole declaration, the block and each property', async () => {
        const ws = await loadWorkspace({ 'shop.arch': TEXT });
        const { model } = ws.model();
        const orders = model.elements.find(e => e.id === 'orders')!.decl;
        expect(orders).toBeInstanceOf(PackedSource);
        expect(orders.name).toEqual({ uri: ws.uri('shop.arch'), range: range(3, 8, 3, 14) });
        expect(orders.full).toEqual(range(3, 0, 7, 1));
        expect(orders.block).toEqual({ open: { line: 3, character: 24 }, close: { line: 7, character: 0 } });
        // The first of a repeated property.
        expect(orders.properties).toEqual({ owner: range(4, 2, 4, 16), technology: range(5, 2, 5, 17) });
        const db = model.elements.find(e => e.id === 'db')!.decl;
        expect(db.block).toBeUndefined();
        expect(db.properties).toEqual({});
        expect(db.full).toEqual(range(8, 0, 8, 23));
        // A flow's diagnostics start at its arrow, the architecture's at its keyword.
        expect(model.flows[0].decl.name.range).toEqual(range(9, 7, 9, 9));
        expect(model.architecture!.decl.name.range).toEqual(range(0, 0, 0, 12));
        expect(JSON.parse(JSON.stringify(orders))).toEqual({ name: orders.name, full: orders.full, block: orders.block, properties: orders.properties });
    });

    it('keeps each part it made: a finding holds the same objects as the model', async () => {
        const { model } = (await loadWorkspace({ 'shop.arch': TEXT })).model();
        const decl = model.elements[0].decl;
        expect(decl.name).toBe(decl.name);
        expect(decl.full).toBe(decl.full);
        expect(decl.block).toBe(decl.block);
        expect(decl.properties).toBe(decl.properties);
    });

    it('packs a position into one number and back, exactly, up to its limits', () => {
        const at = [packPosition(PACKED_LINES - 1, PACKED_CHARACTERS - 1), packPosition(0, 0), packPosition(123456, 7)];
        const source = new PackedSource('file:///a.arch', at, keywordList([]));
        expect(source.name.range).toEqual(range(PACKED_LINES - 1, PACKED_CHARACTERS - 1, 0, 0));
        expect(source.full.start).toEqual({ line: 123456, character: 7 });
    });

    it('leaves a declaration with a place beyond those limits its plain source', async () => {
        const title = 'x'.repeat(PACKED_CHARACTERS);
        const { model } = (await loadWorkspace({ 'long.arch': `service a "${title}" { owner "t" }\nservice b "B" { owner "t" }\n` })).model();
        const [a, b] = model.elements.map(e => e.decl);
        expect(a).not.toBeInstanceOf(PackedSource);
        expect(a.properties.owner).toEqual(range(0, PACKED_CHARACTERS + 15, 0, PACKED_CHARACTERS + 24));
        expect(a.block).toEqual({ open: { line: 0, character: PACKED_CHARACTERS + 13 }, close: { line: 0, character: PACKED_CHARACTERS + 25 } });
        expect(b).toBeInstanceOf(PackedSource);
    });

    it('shares one list of keywords among declarations that write the same properties', () => {
        expect(keywordList(['owner', 'technology'])).toBe(keywordList(['owner', 'technology']));
        expect(keywordList(['technology', 'owner'])).not.toBe(keywordList(['owner', 'technology']));
        expect(keywordList([])).toEqual([]);
    });
});

describe('readiness reuse with PackedSources', () => {
    async function change(before: string, after: string, read: (m: ReturnType<Awaited<ReturnType<typeof loadWorkspace>>['model']>['model']) => unknown) {
        const ws = await loadWorkspace({ 'shop.arch': before });
        const old = ws.model();
        read(old.model);
        await ws.type('shop.arch', after);
        const now = ws.model();
        return { old: old.model, now: now.model, change: changeBetween(old.fragments, now.fragments)! };
    }

    it('maps each part that was read to its counterpart after lines moved, and reports no change', async () => {
        const { old, now, change: c } = await change(TEXT, '\n\n' + TEXT, m => {
            const decl = m.elements[0].decl;
            void decl.name;
            void decl.properties;
            void decl.block;
        });
        expect([...c.fields]).toEqual([]);
        const [was, is] = [old.elements[0].decl, now.elements[0].decl];
        expect(c.moved.get(was.name)).toBe(is.name);
        expect(c.moved.get(was.name.range)).toBe(is.name.range);
        expect(c.moved.get(was.properties.owner!)).toBe(is.properties.owner);
        expect(c.moved.get(was.block!)).toBe(is.block);
        expect(is.name.range.start.line).toBe(was.name.range.start.line + 2);
        expect(c.moved.get(was)).toBe(is);
    });

    it('reports a property written in only one of them, and a block added', async () => {
        const edited = TEXT.replace('  technology "Go"\n', '  healthcheck "/h"\n').replace('database db "Orders DB"', 'database db "Orders DB" { }');
        const { change: c } = await change(TEXT, edited, () => undefined);
        expect([...c.fields].filter(f => f.includes('decl')).sort()).toEqual(['elements.decl', 'elements.decl.properties.healthcheck', 'elements.decl.properties.technology']);
    });
});
