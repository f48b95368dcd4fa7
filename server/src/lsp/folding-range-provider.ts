import type { AstNode, CstNode, LangiumDocument, LeafCstNode } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind, type Position } from 'vscode-languageserver';
import { linesSpanned } from '../language/depth-limited-parser.js';
import { leavesOf, walkAstNow } from '../util/ast-walk.js';

/**
 * Langium folds every block and `"""` text block of three lines or more (through the node that
 * holds it) and every block comment of three lines or more. This adds runs of two or more `//`
 * comments on consecutive lines of their own, like the banner comments that head a file.
 *
 * Both kinds of comment come from one walk over the file's tokens, which works out a token's place
 * only for comments and the token before a `//` comment: Langium's walk and then one of our own,
 * each asking every token for its range, took about a second for a file of 235,000 lines.
 */
export class ArchwrightFoldingRangeProvider extends DefaultFoldingRangeProvider {
    /**
     * Langium's folds of nodes, in Langium's order, without asking for the range of a node inside
     * one of fewer than three lines: nothing in it can fold. (Langium asks every node.)
     */
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const root = document.parseResult?.value;
        if (!root) return;
        walkAstNow(root, node => {
            const cst = node.$cstNode;
            if (node === root || !cst) return true;
            if (linesSpanned(cst) < 2) return false;
            const folding = this.toFoldingRange(document, cst);
            if (folding) acceptor(folding);
            return true;
        });
        this.collectCommentFolding(document, root, acceptor);
    }

    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        if (!node.$cstNode) return;
        const runs: { start: Position; end: Position }[] = [];
        /** The `//` comments on consecutive lines of their own so far: the first's start, the last's end. */
        let run: { start: Position; end: Position; count: number } | undefined;
        const closeRun = () => {
            if (run && run.count >= 2) runs.push(run);
            run = undefined;
        };
        let previous: CstNode | undefined;
        for (const leaf of leavesOf(node.$cstNode) as LeafCstNode[]) {
            const name = leaf.tokenType.name;
            if (this.commentNames.includes(name)) {
                const folding = this.toFoldingRange(document, leaf, FoldingRangeKind.Comment);
                if (folding) acceptor(folding);
            }
            if (name === 'SL_COMMENT') {
                const { start, end } = leaf.range;
                const ownLine = !previous || previous.range.end.line < start.line;
                if (ownLine && run && run.end.line + 1 === start.line) {
                    run.end = end;
                    run.count++;
                } else {
                    closeRun();
                    if (ownLine) run = { start, end, count: 1 };
                }
            } else {
                closeRun();
            }
            previous = leaf;
        }
        closeRun();
        for (const { start, end } of runs) acceptor(FoldingRange.create(start.line, end.line, start.character, end.character, FoldingRangeKind.Comment));
    }
}
