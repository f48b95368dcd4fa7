import {
    AstUtils, CompositeCstNodeImpl, DefaultAstNodeLocator, DefaultReferenceDescriptionProvider, EmptyFileSystem, isCompositeCstNode,
    type CstNode, type ReferenceDescription
} from 'langium';
import { describe, expect, it } from 'vitest';
import { freshRange, hasRange, linesSpanned, ShiftableLeafCstNode, UnkeptRangeCompositeCstNode } from '../../server/src/language/depth-limited-parser.js';
import type { TokenType } from 'chevrotain';
import type { Range } from 'vscode-languageserver';
import { ArchwrightAstNodeLocator } from '../../server/src/language/linking.js';
import { createArchwrightServices } from '../../server/src/module.js';
import { loadFixtures, mutate, Random } from '../fuzz/mutations.js';
import { loadWorkspace } from '../helpers.js';

// Memory: the parser's composite CST nodes work their range out without keeping it, and AST node
// paths are joined once. Both must answer exactly what Langium's own do, on valid text and on what
// error recovery makes of broken text (empty and hidden-only nodes).
const { Archwright } = createArchwrightServices(EmptyFileSystem);
const parse = (text: string) => Archwright.parser.LangiumParser.parse(text).value;

function cstNodes(root: CstNode): CstNode[] {
    const all: CstNode[] = [root];
    for (let i = 0; i < all.length; i++) {
        const node = all[i];
        if (isCompositeCstNode(node)) all.push(...node.content);
    }
    return all;
}

/** The fixtures, and 100 seeded mutations of them (many with syntax errors). */
function texts(): string[] {
    const fixtures = loadFixtures();
    const random = new Random(20261126);
    return [...fixtures, ...Array.from({ length: 100 }, () => mutate(random.pick(fixtures), random, fixtures).text)];
}

describe('ranges of CST nodes without keeping them', () => {
    it("equal Langium's range of every node, and keep nothing on the nodes", () => {
        const langiums = Object.getOwnPropertyDescriptor(CompositeCstNodeImpl.prototype, 'range')!.get!;
        for (const text of texts()) {
            const nodes = cstNodes(parse(text).$cstNode!);
            const composites = nodes.filter(n => isCompositeCstNode(n) && n !== n.root);
            expect(composites.every(n => n instanceof UnkeptRangeCompositeCstNode)).toBe(true);
            const ours = nodes.map(n => n.range);
            expect(nodes.filter(n => n !== n.root && (n as { _rangeCache?: unknown })._rangeCache !== undefined)).toEqual([]);
            // Langium's own way, on a tree of its own (it keeps what it works out).
            const again = cstNodes(parse(text).$cstNode!);
            expect(ours).toEqual(again.map(n => isCompositeCstNode(n) ? langiums.call(n) : n.range));
            // The lines a node spans, worked out without its range (folding asks every node).
            expect(nodes.map(linesSpanned)).toEqual(ours.map(r => r.end.line - r.start.line));
            // Whether a node is at a given range, asked without making its range (the model's pieces ask).
            const at = (n: CstNode, r: Range) => hasRange(n, r.start.line, r.start.character, r.end.line, r.end.character);
            expect(nodes.filter((n, i) => !at(n, ours[i]))).toEqual([]);
            const moved = (r: Range, k: number): Range => {
                const parts = [r.start.line, r.start.character, r.end.line, r.end.character];
                parts[k]++;
                return { start: { line: parts[0], character: parts[1] }, end: { line: parts[2], character: parts[3] } };
            };
            for (let k = 0; k < 4; k++) expect(nodes.filter((n, i) => at(n, moved(ours[i], k)))).toEqual([]);
        }
    });
});

describe('fresh ranges', () => {
    const unshared = (a: Range, b: Range) => {
        const objects = [a, a.start, a.end, b, b.start, b.end];
        expect(new Set(objects).size).toBe(objects.length);
    };

    it('are new objects every time, shared with nothing', () => {
        for (const text of texts()) {
            for (const node of cstNodes(parse(text).$cstNode!)) {
                const [a, b] = [freshRange(node), freshRange(node)];
                expect(a).toEqual(node.range);
                expect(a).toEqual(b);
                unshared(a, b);
            }
        }
    });

    it("give, where recovery leaves an end before the start, Langium's range in objects of their own", () => {
        const shift = { offset: 0, lines: 0, firstLine: -1, columns: 0 };
        const token = (line: number) => new ShiftableLeafCstNode(line * 10, 3, line, 2, line, 5, { name: 'ID' } as TokenType, false, shift);
        const inner = new UnkeptRangeCompositeCstNode();
        const outer = new UnkeptRangeCompositeCstNode();
        for (const [parent, children] of [[inner, [token(5), token(2)]], [outer, [inner]]] as const) {
            for (const child of children) {
                parent.content.push(child);
                child.container = parent;
            }
        }
        const langiums = Object.getOwnPropertyDescriptor(CompositeCstNodeImpl.prototype, 'range')!.get!;
        for (const node of [inner, outer]) {
            const range = freshRange(node);
            expect(range).toEqual({ start: { line: 5, character: 2 }, end: { line: 5, character: 2 } });
            expect(range).toEqual(langiums.call(node));
            unshared(range, freshRange(node));
            expect(linesSpanned(node)).toBe(0);
            expect(hasRange(node, 5, 2, 5, 2)).toBe(true);
            expect(hasRange(node, 5, 2, 2, 5)).toBe(false);
        }
    });
});

describe('paths of AST nodes', () => {
    it("equal Langium's, and lead back to the node", () => {
        const ours = new ArchwrightAstNodeLocator();
        const langiums = new DefaultAstNodeLocator();
        for (const text of texts()) {
            const root = parse(text);
            for (const node of AstUtils.streamAst(root)) {
                const path = ours.getAstNodePath(node);
                expect(path).toBe(langiums.getAstNodePath(node));
                expect(ours.getAstNode(root, path)).toBe(node);
            }
        }
    });
});

describe('the reference index', () => {
    it("describes every reference as Langium's provider does", async () => {
        const [example] = loadFixtures();
        const ws = await loadWorkspace({ 'a.arch': example, 'b.arch': 'service extra "E"\nextra -> shop.orders "asks"\nextra -> nowhere\n' });
        const langiums = new DefaultReferenceDescriptionProvider(ws.services);
        // The fields of a ReferenceDescription, read (ours are getters on a class).
        const plain = (ds: ReferenceDescription[]) => ds.map(d => ({
            sourceUri: d.sourceUri.toString(), sourcePath: d.sourcePath, targetUri: d.targetUri.toString(), targetPath: d.targetPath, segment: d.segment, local: d.local
        }));
        for (const doc of ws.documents) {
            const ours = await ws.services.workspace.ReferenceDescriptionProvider.createDescriptions(doc);
            expect(ours.length).toBeGreaterThan(0);
            expect(plain(ours)).toEqual(plain(await langiums.createDescriptions(doc)));
        }
    });
});
