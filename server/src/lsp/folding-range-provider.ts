import { CstUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';

/**
 * Langium folds every block and `"""` text block of three lines or more (through the node that
 * holds it) and every block comment of three lines or more. This adds runs of two or more `//`
 * comments on consecutive lines of their own, like the banner comments that head a file.
 */
export class ArchwrightFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        super.collectCommentFolding(document, node, acceptor);
        if (!node.$cstNode) return;
        for (const run of lineCommentRuns(node.$cstNode)) {
            const first = run[0].range.start;
            const last = run[run.length - 1].range.end;
            acceptor(FoldingRange.create(first.line, last.line, first.character, last.character, FoldingRangeKind.Comment));
        }
    }
}

/** Runs of at least two line comments, each alone on its line, on consecutive lines. */
function lineCommentRuns(root: CstNode): CstNode[][] {
    const runs: CstNode[][] = [];
    let run: CstNode[] = [];
    let previous: CstNode | undefined;
    for (const leaf of CstUtils.flattenCst(root)) {
        const ownLine = !previous || previous.range.end.line < leaf.range.start.line;
        const continues = run.length > 0 && run[run.length - 1].range.end.line + 1 === leaf.range.start.line;
        if (leaf.tokenType.name !== 'SL_COMMENT' || !ownLine || (run.length && !continues)) {
            if (run.length >= 2) runs.push(run);
            run = [];
        }
        if (leaf.tokenType.name === 'SL_COMMENT' && ownLine) run.push(leaf);
        previous = leaf;
    }
    if (run.length >= 2) runs.push(run);
    return runs;
}
