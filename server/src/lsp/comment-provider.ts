import { MarkedLazyCstNode, PlacedLazyCstNode } from '../language/cst-store.js';
import { CstUtils, DefaultCommentProvider, isAstNodeWithComment, isRootCstNode, type AstNode, type CstNode } from 'langium';

/**
 * The comment right before a node (completion and hover show it as the node's documentation), found
 * as Langium finds it but without searching a parent's children from the start for the node: at
 * the top level of a file that is every declaration before it, so completion, which asks for every
 * candidate, was quadratic in the declarations of a file (1.7 s of completion in a file of 50,000
 * elements). Children lie in document order, so the node is found by its offset.
 */
export class ArchwrightCommentProvider extends DefaultCommentProvider {
    /**
     * The comment of each node asked about, for as long as the node lives: completion documents
     * each of its candidates with it. A node keeps its comment while it lives: an edit of the
     * comment before a node, or an edit between it and that comment, reparses the node
     * (language/incremental-parse.ts), which makes a new one.
     */
    private readonly comments = new WeakMap<AstNode, { text: string | undefined }>();
    private commentRules?: string[];

    override getComment(node: AstNode): string | undefined {
        if (isAstNodeWithComment(node)) return node.$comment;
        // Looked up before the node's CST is read: a closed file's is a stand-in that would parse the file again (CstStore).
        let comment = this.comments.get(node);
        if (comment) return comment.text;
        const cst = node.$cstNode;
        // A file parsed without its tree: a node with a comment before it has a stand-in that knows it.
        if (cst instanceof PlacedLazyCstNode) return cst instanceof MarkedLazyCstNode ? cst.comment : undefined;
        if (!cst || isRootCstNode(cst)) return super.getComment(node);
        const previous = previousNode(cst);
        comment = { text: previous && CstUtils.isCommentNode(previous, this.commentRules ??= this.grammarConfig().multilineCommentRules) ? previous.text : undefined };
        this.comments.set(node, comment);
        return comment.text;
    }
}

/** The node before this one, hidden ones included: a sibling, or else the sibling before an ancestor. */
export function previousNode(node: CstNode): CstNode | undefined {
    let current = node;
    while (current.container) {
        const siblings = current.container.content;
        const index = indexIn(siblings, current);
        if (index > 0) return siblings[index - 1];
        current = current.container;
    }
    return undefined;
}

/** The node's index among its siblings: a binary search by offset, then a look at the neighbours. */
function indexIn(siblings: readonly CstNode[], node: CstNode): number {
    const offset = node.offset;
    let low = 0;
    let high = siblings.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const at = siblings[middle].offset;
        if (at < offset) low = middle + 1;
        else if (at > offset) high = middle - 1;
        else {
            for (let i = middle; i >= 0 && siblings[i].offset === offset; i--) if (siblings[i] === node) return i;
            for (let i = middle + 1; i < siblings.length && siblings[i].offset === offset; i++) if (siblings[i] === node) return i;
            break;
        }
    }
    return siblings.indexOf(node);
}
