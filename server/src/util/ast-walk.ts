import { interruptAndCheck, isAstNode, isCompositeCstNode, isReference, type AstNode, type CstNode, type Reference, type ReferenceInfo } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

/**
 * Walking the AST without Langium's streams. `streamAst` and `streamReferences` build an iterator
 * object per node, and the linker, the reference index and the validator each await a cancellation
 * check per node: on a 5,000-line file that overhead costs more than the work it wraps. These walks
 * visit the same nodes in the same (document) order.
 */

/** Calls `visit` with each value of the node's own properties (not `$container` and the like), array items one by one. */
function forEachValue(node: AstNode, visit: (value: unknown, property: string, index?: number) => void): void {
    for (const property of Object.keys(node)) {
        if (property.startsWith('$')) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (Array.isArray(value)) value.forEach((item, index) => visit(item, property, index));
        else visit(value, property);
    }
}

/** The node's children in document order: its properties that hold AST nodes, in property order. */
export function childrenOf(node: AstNode): AstNode[] {
    const children: AstNode[] = [];
    forEachValue(node, value => { if (isAstNode(value)) children.push(value); });
    return children;
}

/**
 * Every node from the root down, depth first in document order. `visit` returns false to skip a
 * node's children. The cancellation token is checked every few hundred nodes.
 */
export async function walkAst(root: AstNode, visit: (node: AstNode) => void | boolean | Promise<void | boolean>, cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
    const pending: AstNode[] = [root];
    let visited = 0;
    while (pending.length > 0) {
        const node = pending.pop()!;
        if (++visited % 500 === 0) await interruptAndCheck(cancelToken);
        let result = visit(node);
        if (result instanceof Promise) result = await result;
        if (result === false) continue;
        const children = childrenOf(node);
        for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
    }
}

/** The node's own references (not its children's), in property order, as Langium's `streamReferences` gives them. */
export function referencesOf(node: AstNode): ReferenceInfo[] {
    const out: ReferenceInfo[] = [];
    forEachValue(node, (value, property, index) => {
        if (isReference(value)) out.push({ reference: value as Reference, container: node, property, index });
    });
    return out;
}

/** The tokens and comments under a CST node, in document order, gathered without recursion or a stream. */
export function leavesOf(node: CstNode): CstNode[] {
    const result: CstNode[] = [];
    const stack: CstNode[] = [node];
    while (stack.length > 0) {
        const current = stack.pop()!;
        if (isCompositeCstNode(current)) {
            for (let i = current.content.length - 1; i >= 0; i--) stack.push(current.content[i]);
        } else {
            result.push(current);
        }
    }
    return result;
}
