import { CstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, isReference, type AstNode, type CstNode, type Reference } from 'langium';
import { describe, expect, it } from 'vitest';
import { archwrightFiles, plan } from '../../bench/generate.mjs';
import { CAPACITY, LazyCstNode, MarkedLazyCstNode, PlacedLazyCstNode } from '../../server/src/language/cst-store.js';
import { reparseCounts } from '../../server/src/language/incremental-parse.js';
import { childrenOf } from '../../server/src/util/ast-walk.js';
import { diagnosticLines, loadWorkspace, repositoryArchTexts, type Workspace } from '../helpers.js';

/** Every node of the tree with its references, in document order. */
function nodesAndReferences(root: AstNode): { nodes: AstNode[]; references: Reference[] } {
    const nodes: AstNode[] = [];
    const references: Reference[] = [];
    const visit = (node: AstNode): void => {
        nodes.push(node);
        for (const value of Object.entries(node).filter(([k]) => !k.startsWith('$')).flatMap(([, v]) => (Array.isArray(v) ? v : [v]))) {
            if (isReference(value)) references.push(value);
        }
        for (const child of childrenOf(node)) visit(child);
    };
    visit(root);
    return { nodes, references };
}

/** The node's own tokens (not those of the AST nodes it contains), in document order, comments left out. */
function ownTokens(node: AstNode): CstNode[] {
    const out: CstNode[] = [];
    const visit = (cst: CstNode): void => {
        if (!isCompositeCstNode(cst)) {
            if (!cst.hidden) out.push(cst);
            return;
        }
        for (const child of cst.content) if (!isCompositeCstNode(child) || child.astNode === node) visit(child);
    };
    visit(node.$cstNode!);
    return out;
}

/** Whether the token is inside a data type rule of the node (an id, a name), not written in the node itself. */
function inValue(token: CstNode, node: AstNode): boolean {
    for (let at = token.container; at && at !== node.$cstNode; at = at.container) if (isDataTypeCall(at)) return true;
    return false;
}

/** Whether the composite is a call of a data type rule (its AST node is its caller's). */
function isDataTypeCall(cst: CstNode): boolean {
    const source = cst.grammarSource;
    return GrammarAST.isRuleCall(source) && GrammarAST.isParserRule(source.rule.ref) && GrammarUtils.isDataTypeRule(source.rule.ref);
}

/** What can be read of a CST node, for comparing one tree with another. */
function shape(cst: CstNode | undefined) {
    if (!cst) return undefined;
    return { offset: cst.offset, end: cst.end, range: cst.range, text: cst.text, hidden: cst.hidden, grammar: cst.grammarSource?.$type, children: 'content' in cst ? (cst.content as CstNode[]).length : -1 };
}

/** Each file's tree, as the workspace that drops trees reads it, equals the one of the workspace that never drops them. */
function expectSameTrees(files: Record<string, string>, dropping: Workspace, keeping: Workspace, label = ''): void {
    for (const name of Object.keys(files)) {
        const dropped = nodesAndReferences(dropping.doc(name).parseResult.value);
        const kept = nodesAndReferences(keeping.doc(name).parseResult.value);
        expect(dropped.nodes.length).toBe(kept.nodes.length);
        for (let i = 0; i < kept.nodes.length; i++) {
            const node = dropped.nodes[i];
            expect(shape(node.$cstNode), `${label}${name} node ${i}`).toEqual(shape(kept.nodes[i].$cstNode));
            // Made again, the tree points to the nodes that were kept, not to those of the new parse.
            expect(node.$cstNode!.astNode).toBe(node);
            expect(node.$cstNode).not.toBeInstanceOf(LazyCstNode);
        }
        expect(dropped.references.length).toBe(kept.references.length);
        for (let i = 0; i < kept.references.length; i++) {
            const reference = dropped.references[i];
            expect(shape(reference.$refNode), `${label}${name} reference ${i}`).toEqual(shape(kept.references[i].$refNode));
            expect(dropped.nodes).toContain(reference.$refNode!.astNode);
        }
    }
}

describe("closed files' syntax trees (CstStore)", () => {
    it('are dropped after a build and made again, the same, when read', async () => {
        const files = Object.fromEntries(archwrightFiles(plan('M')));
        const [dropping, keeping] = await Promise.all([loadWorkspace(files), loadWorkspace(files, { once: true })]);
        const trees = dropping.shared.workspace.CstStore;
        // Loading parsed each file without its tree, and validation made none: the stand-ins know the places the ArchModel reads.
        expect(trees.remade).toBe(0);
        for (const doc of dropping.documents) expect(trees.isDropped(doc), doc.uri.toString()).toBe(true);
        expect(dropping.documents[0].parseResult.value.$cstNode).toBeInstanceOf(LazyCstNode);
        expectSameTrees(files, dropping, keeping);
        // Reading them made every file's tree real: only the last few read stay so.
        expect(dropping.documents.filter(d => !trees.isDropped(d)).length).toBeLessThanOrEqual(CAPACITY);
        // The first file was made real and dropped again: its nodes below declarations keep their places, not the real nodes.
        const again = dropping.documents[0];
        expect(trees.isDropped(again)).toBe(true);
        const { nodes } = nodesAndReferences(again.parseResult.value);
        const { nodes: real } = nodesAndReferences(keeping.doc(Object.keys(files).find(name => again.uri.path.endsWith(`/${name}`))!).parseResult.value);
        const placed = nodes.filter(n => n.$cstNode instanceof PlacedLazyCstNode && !(n.$cstNode instanceof MarkedLazyCstNode));
        expect(placed.length).toBeGreaterThan(10);
        for (const node of placed) {
            expect(Object.hasOwn(node, '$cstNode')).toBe(false);
            expect(node.$cstNode!.range).toEqual(real[nodes.indexOf(node)].$cstNode!.range);
        }
        // Its references' stand-ins too are made when read, not kept.
        const { references } = nodesAndReferences(again.parseResult.value);
        expect(references.length).toBeGreaterThan(10);
        for (const reference of references) {
            expect(reference.$refNode).toBeInstanceOf(LazyCstNode);
            expect(reference.$refNode).not.toBe(reference.$refNode);
        }
    }, 60_000);

    it("stand in, unmade, with the places a tree gives: each node's range, a declaration's name, keyword, braces and comment", async () => {
        const commented = [
            '/** Takes the orders. */\nservice taker "Taker" {\n  /** Who runs it. */\n  owner "team"\n}\n// not this one\nservice other "Other"\n',
            '/* a */ /** b */ architecture "A" { stage design }\n/** The flow. */ taker -> other "calls" { protocol https }\nservice taker "T"\nservice other "O"\n',
            'system architecture "S" {\n  service a "A"\n}\narchitecture -> architecture.a "x"\n'
        ];
        // The S model as one workspace (its references resolve), and each other text alone.
        const workspaces = [Object.fromEntries(archwrightFiles(plan('S'))), ...[...repositoryArchTexts().map(t => t.text), ...commented].map(text => ({ 'model.arch': text }))];
        let marked = 0, placed = 0, commentsSeen = 0;
        for (const files of workspaces) {
            const [dropping, keeping] = await Promise.all([loadWorkspace(files), loadWorkspace(files, { once: true })]);
            // A file whose references do not resolve has its tree made for the diagnostics' places (references have plain stand-ins).
            const remade = dropping.shared.workspace.CstStore.remade;
            const dropped = Object.keys(files).flatMap(name => nodesAndReferences(dropping.doc(name).parseResult.value).nodes);
            const kept = Object.keys(files).flatMap(name => nodesAndReferences(keeping.doc(name).parseResult.value).nodes);
            const names = keeping.services.references.NameProvider;
            const comments = keeping.services.documentation.CommentProvider;
            const rules = keeping.services.parser.GrammarConfig.multilineCommentRules;
            for (let i = 0; i < kept.length; i++) {
                const standIn = dropped[i].$cstNode;
                const real = kept[i].$cstNode!;
                if (!(standIn instanceof PlacedLazyCstNode)) continue;
                const label = `${Object.values(files)[0].slice(0, 40)}… node ${i} (${kept[i].$type})`;
                expect(standIn.range, label).toEqual(real.range);
                if (!(standIn instanceof MarkedLazyCstNode)) {
                    expect(CstUtils.findCommentNode(real, rules), label).toBeUndefined();
                    // Its place is kept in the node, and its stand-in made when read (PLACED_NODES); the root keeps its own.
                    expect(Object.hasOwn(dropped[i], '$cstNode'), label).toBe(dropped[i].$container === undefined);
                    placed++;
                    continue;
                }
                marked++;
                const nameNode = names.getNameNode(kept[i]);
                expect(standIn.nameSegment, label).toEqual(nameNode && CstUtils.toDocumentSegment(nameNode));
                const own = ownTokens(kept[i]);
                const keyword = own.find(c => GrammarAST.isKeyword(c.grammarSource) && !inValue(c, kept[i]) && ['architecture', '->'].includes(c.grammarSource.value));
                expect(standIn.keywordRange, label).toEqual(keyword?.range);
                expect(standIn.openStart, label).toEqual(own.find(c => c.text === '{' && GrammarAST.isKeyword(c.grammarSource))?.range.start);
                expect(standIn.closeStart, label).toEqual(own.findLast(c => c.text === '}' && GrammarAST.isKeyword(c.grammarSource))?.range.start);
                expect(standIn.comment, label).toBe(comments.getComment(kept[i]));
                if (standIn.comment) commentsSeen++;
            }
            // Nothing above read what only a tree knows.
            expect(dropping.shared.workspace.CstStore.remade, Object.keys(files)[0]).toBe(remade);
        }
        expect(marked).toBeGreaterThan(100);
        expect(placed).toBeGreaterThan(100);
        expect(commentsSeen).toBeGreaterThanOrEqual(4);
    }, 60_000);

    it("are made again the same for each of the repository's .arch files, those with syntax errors too", async () => {
        let withErrors = 0;
        const broken = [
            'service x "X" {\n  technology\n}\nservice y "Y"\n',
            'system s "S" {\n  service a "A" {\n    owner "team"\n',
            'a -> \nservice b "B"\nb -> b "self" {\n  protocol\n}\n'
        ].map((text, i) => ({ file: `broken-${i}.arch`, text }));
        for (const { file, text } of [...repositoryArchTexts(), ...broken]) {
            const files = { 'model.arch': text };
            const [dropping, keeping] = await Promise.all([loadWorkspace(files), loadWorkspace(files, { once: true })]);
            expect(dropping.shared.workspace.CstStore.isDropped(dropping.doc('model.arch')), file).toBe(true);
            expectSameTrees(files, dropping, keeping, `${file}: `);
            if (keeping.doc('model.arch').parseResult.parserErrors.length > 0) withErrors++;
        }
        expect(withErrors).toBe(broken.length);
    }, 60_000);

    it("are not made again for what requests read of every file: the names' places and the comments", async () => {
        const files = { ...Object.fromEntries(archwrightFiles(plan('S'))), 'commented.arch': '/** Takes the orders. */\nservice taker "Taker"\n' };
        const [dropping, keeping] = await Promise.all([loadWorkspace(files), loadWorkspace(files, { once: true })]);
        const trees = dropping.shared.workspace.CstStore;
        const remade = trees.remade;
        const symbols = async (ws: typeof dropping) => (await ws.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' })).map(s => JSON.stringify(s)).sort();
        const dropped = await symbols(dropping);
        expect(dropped.length).toBeGreaterThan(100);
        expect(dropped).toEqual(await symbols(keeping));
        const comments = dropping.services.documentation.CommentProvider;
        for (const doc of dropping.documents) {
            for (const description of dropping.shared.workspace.IndexManager.allElements().filter(d => d.documentUri.toString() === doc.uri.toString())) {
                comments.getComment(description.node!);
            }
        }
        const taker = dropping.shared.workspace.IndexManager.allElements().find(d => d.name === 'taker')!;
        expect(comments.getComment(taker.node!)).toBe('/** Takes the orders. */');
        expect(trees.remade).toBe(remade);
    }, 60_000);

    it('keep the diagnostics of a file changed on disk, and of the files that refer to it, right', async () => {
        const ws = await loadWorkspace({
            'a.arch': 'system shop "Shop" {\n  service orders "Orders" { owner "team" }\n}\n',
            'b.arch': 'shop.orders -> shop "calls"\n'
        });
        expect(ws.shared.workspace.CstStore.isDropped(ws.doc('b.arch'))).toBe(true);
        expect(diagnosticLines(ws.doc('b.arch'))).toEqual([]);
        await ws.write('a.arch', 'system shop "Shop" {\n  service billing "Billing" { owner "team" }\n}\n');
        expect(diagnosticLines(ws.doc('b.arch')).join('\n')).toContain('orders');
        // The unresolved reference is reported at its place in b.arch, read from b.arch's tree made again.
        const reference = ws.doc('b.arch').diagnostics!.find(d => String(d.message).includes('orders'))!;
        expect(reference.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 11 } });
    });

    it('are kept for a file open in the editor, whose edits are parsed in part', async () => {
        const ws = await loadWorkspace({ 'a.arch': 'service one "One"\nservice two "Two"\n', 'b.arch': 'one -> two "calls"\n' });
        const trees = ws.shared.workspace.CstStore;
        await ws.type('a.arch', 'service one "One!"\nservice two "Two"\n');
        const remade = trees.remade;
        const declarations = reparseCounts.declarations;
        const a = await ws.type('a.arch', 'service one "One!!"\nservice two "Two"\n');
        expect(trees.isDropped(a)).toBe(false);
        expect(trees.isDropped(ws.doc('b.arch'))).toBe(true);
        expect(trees.remade).toBe(remade);
        expect(reparseCounts.declarations).toBe(declarations + 1);
        expect(a.parseResult.value.$cstNode?.text).toContain('One!!');
    });

    it('give way to a full parse when a text no longer gives the AST that was kept', async () => {
        const ws = await loadWorkspace({ 'a.arch': 'service one "One"\nservice two "Two"\n', 'b.arch': 'one -> two "calls"\n' });
        const trees = ws.shared.workspace.CstStore;
        const a = ws.doc('a.arch');
        expect(trees.isDropped(a)).toBe(true);
        // As if the text had changed under the AST: it no longer parses to the same tree.
        (a.parseResult.value as unknown as { declarations: unknown[] }).declarations.pop();
        expect(trees.ensure(a)).toBe(false);
        expect(a.parseResult.value.$cstNode).toBeUndefined();
        const updated = await ws.write('a.arch', 'service one "One"\nservice three "Three"\n');
        expect(updated.parseResult.value.$cstNode?.text).toContain('three');
        expect(diagnosticLines(ws.doc('b.arch')).join('\n')).toContain('two');
    });

    it('are kept whole by the command line, which reads each once', async () => {
        const ws = await loadWorkspace({ 'a.arch': 'system shop "Shop"\n', 'b.arch': 'system other "Other"\n' }, { once: true });
        for (const doc of ws.documents) expect(ws.shared.workspace.CstStore.isDropped(doc)).toBe(false);
        expect(ws.shared.workspace.CstStore.remade).toBe(0);
    });
});
