// The AST walks of util/ast-walk.ts against Langium's streams: the same nodes, in the same order,
// with the same references, on the fixtures, the benchmark's S model and mutated (broken) files.
import { AstUtils, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { archwrightFiles, plan } from '../../bench/generate.mjs';
import { childrenOf, referencesOf, walkAst } from '../../server/src/util/ast-walk.js';
import { loadFixtures, mutate, Random } from '../fuzz/mutations.js';
import { loadWorkspace } from '../helpers.js';

/** Files to walk: every fixture, the S model's files and 30 mutations of the fixtures (syntax errors give partial trees). */
function files(): Record<string, string> {
    const fixtures = loadFixtures();
    const random = new Random(20261126);
    const mutated = Array.from({ length: 30 }, (_, i) => [`mutated-${i}.arch`, mutate(fixtures[i % fixtures.length], random, fixtures).text]);
    return {
        ...Object.fromEntries(fixtures.map((text, i) => [`fixture-${i}.arch`, text])),
        ...Object.fromEntries(archwrightFiles(plan('S'))),
        ...Object.fromEntries(mutated)
    };
}

describe('AST walks', async () => {
    const ws = await loadWorkspace(files());

    it('walkAst visits what streamAst streams, in the same order', async () => {
        for (const doc of ws.documents) {
            const visited: AstNode[] = [];
            await walkAst(doc.parseResult.value, node => { visited.push(node); });
            expect(visited.length, doc.uri.path).toBe(AstUtils.streamAst(doc.parseResult.value).count());
            expect(visited, doc.uri.path).toEqual(AstUtils.streamAst(doc.parseResult.value).toArray());
        }
    });

    it('skips the children of a node when visit returns false, also after a promise', async () => {
        const doc = ws.documents[0];
        const root = doc.parseResult.value;
        const skipped = childrenOf(root)[0];
        expect(skipped).toBeDefined();
        const visited: AstNode[] = [];
        await walkAst(root, node => { visited.push(node); return node === skipped ? Promise.resolve(false) : undefined; });
        const inside = new Set(AstUtils.streamAllContents(skipped));
        expect(visited).toEqual(AstUtils.streamAst(root).filter(n => !inside.has(n)).toArray());
    });

    it('childrenOf and referencesOf give each node\'s own children and references, as Langium does', () => {
        let references = 0;
        for (const doc of ws.documents) {
            for (const node of AstUtils.streamAst(doc.parseResult.value)) {
                expect(childrenOf(node)).toEqual(AstUtils.streamContents(node).toArray());
                const ours = referencesOf(node);
                expect(ours).toStrictEqual(AstUtils.streamReferences(node).toArray());
                references += ours.length;
            }
        }
        expect(references).toBeGreaterThan(1000);
    });
});
