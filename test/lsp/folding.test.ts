import { readFileSync } from 'node:fs';
import { CstUtils, type CstNode } from 'langium';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { loadFixtures, mutate, Random } from '../fuzz/mutations.js';
import { loadWorkspace } from '../helpers.js';

const example = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

/** Folding ranges as `first-last kind` (1-based lines), in order. */
async function folds(text: string): Promise<string[]> {
    const ws = await loadWorkspace({ 'model.arch': text });
    const doc = ws.doc('model.arch');
    const ranges = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(doc, { textDocument: { uri: doc.uri.toString() } }) as FoldingRange[];
    return ranges
        .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine)
        .map(r => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ' ' + r.kind : ''}`);
}

describe('folding', () => {
    it('folds blocks, nested blocks included, leaving the closing brace visible', async () => {
        expect(await folds('system s {\n  service a {\n    owner "x"\n  }\n  service b\n}\n')).toEqual(['1-5', '2-3']);
    });

    it('does not fold a block of two lines or a block on one line', async () => {
        expect(await folds('service a { owner "x" }\nservice b {\n}\n')).toEqual([]);
    });

    it('folds a """ text block', async () => {
        expect(await folds('service a "A" {\n  owner "x"\n  description """\n    one\n    two\n  """\n}\n')).toEqual(['1-6', '3-6']);
    });

    it('folds a block comment of three lines or more', async () => {
        expect(await folds('/* one\n   two\n   three */\nservice a\n')).toEqual(['1-2 comment']);
    });

    it('folds a run of line comments, and only comments alone on their lines', async () => {
        const text = '// one\n// two\n// three\nservice a // not part\n// four\n\n// alone\nservice b\n';
        expect(await folds(text)).toEqual(['1-3 comment']);
        expect(await folds('service a // trailing\n// one\n// two\n')).toEqual(['2-3 comment']);
    });

    it('folds every section of the design example', async () => {
        const ranges = await folds(example);
        expect(ranges[0]).toBe('1-2 comment');
        expect(ranges).toContain('4-8');       // architecture block
        expect(ranges).toContain('64-123');    // system shop
        expect(ranges).toContain('84-87');     // the description text block of orders
        expect(ranges).toContain('174-205');   // deployment production
    });
});

/**
 * The folds as they were made before one walk made both kinds of comment fold: Langium's provider,
 * then runs of line comments found by asking every token for its range.
 */
function foldsBefore(ws: Awaited<ReturnType<typeof loadWorkspace>>, name: string): FoldingRange[] {
    const doc = ws.doc(name);
    const ranges = new DefaultFoldingRangeProvider(ws.services).getFoldingRanges(doc, { textDocument: { uri: doc.uri.toString() } }) as FoldingRange[];
    const root = doc.parseResult.value.$cstNode;
    if (!root) return ranges;
    let run: CstNode[] = [];
    let previous: CstNode | undefined;
    const close = () => {
        if (run.length >= 2) ranges.push({ startLine: run[0].range.start.line, startCharacter: run[0].range.start.character, endLine: run.at(-1)!.range.end.line, endCharacter: run.at(-1)!.range.end.character, kind: FoldingRangeKind.Comment });
        run = [];
    };
    for (const leaf of CstUtils.flattenCst(root)) {
        const ownLine = !previous || previous.range.end.line < leaf.range.start.line;
        const continues = run.length > 0 && run[run.length - 1].range.end.line + 1 === leaf.range.start.line;
        if (leaf.tokenType.name !== 'SL_COMMENT' || !ownLine || (run.length && !continues)) close();
        if (leaf.tokenType.name === 'SL_COMMENT' && ownLine) run.push(leaf);
        previous = leaf;
    }
    close();
    return ranges;
}

describe('folding in one walk over the tokens', () => {
    it('gives the folds, in the order, that Langium\'s walk and a walk of our own gave, on the fixtures and 80 mutations of them', async () => {
        const fixtures = loadFixtures();
        const random = new Random(20261126);
        const texts = [...fixtures, '// a\n// b\nservice s // c\n// d\n\n// e\n// f\n/* g\n\n*/ // h\n// i\n'];
        for (let i = 0; i < 80; i++) texts.push(mutate(random.pick(fixtures), random, fixtures).text);
        for (const text of texts) {
            const ws = await loadWorkspace({ 'model.arch': text });
            const doc = ws.doc('model.arch');
            const now = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(doc, { textDocument: { uri: doc.uri.toString() } });
            expect(now).toEqual(foldsBefore(ws, 'model.arch'));
        }
    }, 60_000);
});

