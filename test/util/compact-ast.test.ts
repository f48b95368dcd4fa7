import { isAstNode, isReference, type AstNode, type CstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { compactAst } from '../../server/src/util/compact-ast.js';
import { childrenOf } from '../../server/src/util/ast-walk.js';
import { loadWorkspace } from '../helpers.js';

const MODEL = `system shop "Shop" {
  service orders "Orders" { owner "team" }
  database db "DB"
}
shop.orders -> shop.db "stores" { protocol postgres }
`;

/** Every node of the tree, in document order. */
function nodes(root: AstNode): AstNode[] {
    const out: AstNode[] = [root];
    for (const child of childrenOf(root)) out.push(...nodes(child));
    return out;
}

describe('compactAst', () => {
    it('makes each node again with the same properties in the same order, its children and references pointing to the copies', async () => {
        const ws = await loadWorkspace({ 'model.arch': MODEL });
        const parser = ws.services.parser.LangiumParser;
        // As Langium's parser leaves it (Langium's own parse path: nodes made property by property).
        const plain = parser.parse(MODEL, { rule: 'Model' }).value;
        const before = nodes(plain).map(n => ({ keys: Object.keys(n), n }));
        const copy = compactAst(plain);
        const after = nodes(copy);
        expect(after.length).toBe(before.length);
        for (let i = 0; i < after.length; i++) {
            const node = after[i] as unknown as Record<string, unknown>;
            expect(Object.keys(node)).toEqual(before[i].keys);
            expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
            expect(node).not.toBe(before[i].n);
            for (const key of before[i].keys) {
                const value = node[key];
                if (key === '$container') expect(value).toBe(i === 0 ? undefined : after.find(p => childrenOf(p).includes(after[i])));
                else if (!isAstNode(value) && !Array.isArray(value)) expect(value).toBe((before[i].n as unknown as Record<string, unknown>)[key]);
                if (isReference(value)) expect((value as unknown as { node: unknown }).node).toBe(node);
            }
        }
        expect(copy.$container).toBeUndefined();
    });

    it('keeps, with PlacedNodes, two numbers where the CST node of each node below the root was, read through the prototype', async () => {
        const ws = await loadWorkspace({ 'model.arch': MODEL });
        const plain = ws.services.parser.LangiumParser.parse(MODEL, { rule: 'Model' }).value;
        const before = nodes(plain).map(n => ({ keys: Object.keys(n), cst: n.$cstNode! }));
        const prototype = Object.create(Object.prototype, {
            $cstNode: { get(this: { $cstStart: number; $cstEnd: number }) { return { offset: this.$cstStart, end: this.$cstEnd }; } }
        }) as object;
        // Every node but flows' is placed.
        const copy = compactAst(plain, { place: cst => (cst as CstNode).astNode.$type === 'Flow' ? undefined : { start: (cst as CstNode).offset, end: (cst as CstNode).end }, prototype });
        const after = nodes(copy);
        let placed = 0;
        for (let i = 0; i < after.length; i++) {
            const node = after[i];
            const flow = node.$type === 'Flow';
            if (i === 0 || flow) {
                expect(Object.keys(node)).toEqual(before[i].keys);
                expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
                expect(node.$cstNode).toBe(before[i].cst);
                continue;
            }
            placed++;
            const k = before[i].keys.indexOf('$cstNode');
            expect(Object.keys(node)).toEqual([...before[i].keys.slice(0, k), '$cstStart', '$cstEnd', ...before[i].keys.slice(k + 1)]);
            expect(Object.getPrototypeOf(node)).toBe(prototype);
            expect(node.$cstNode).toEqual({ offset: before[i].cst.offset, end: before[i].cst.end });
        }
        expect(placed).toBe(after.length - 2);
    });

    it('gives the language server trees whose references resolve to the copies', async () => {
        const ws = await loadWorkspace({ 'model.arch': MODEL, 'other.arch': 'person buyer "Buyer"\nbuyer -> shop.orders "orders"\n' });
        const flow = nodes(ws.doc('other.arch').parseResult.value).find(n => n.$type === 'Flow') as unknown as { target: { ref?: AstNode } };
        const target = flow.target.ref!;
        expect(nodes(ws.doc('model.arch').parseResult.value)).toContain(target);
        expect(target.$container?.$container).toBe(ws.doc('model.arch').parseResult.value);
    });
});
