import { interruptAndCheck, isAstNode, isCompositeCstNode, isReference, type AstNode, type CstNode, type Reference, type ReferenceInfo } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

/**
 * Walking the AST without Langium's streams. `streamAst` and `streamReferences` build an iterator
 * object per node, and the linker, the reference index and the validator each await a cancellation
 * check per node: on a 5,000-line file that overhead costs more than the work it wraps. These walks
 * visit the same nodes in the same (document) order.
 */

/**
 * Each own property of a node that is not Langium's (`$type`, `$container` and the like), in
 * property order. `for...in` visits the same properties in the same order as `Object.keys` without
 * making an array per node; AST nodes are plain objects, so nothing comes from a prototype (checked
 * anyway). Walks run over whole files on every edit, so none of them allocates per node.
 */
function isOwnValue(record: Record<string, unknown>, property: string): boolean {
    return property.charCodeAt(0) !== 36 /* $ */ && Object.prototype.hasOwnProperty.call(record, property);
}

/** Pushes the node's children onto `out` in document order: its properties that hold AST nodes, in property order. */
function pushChildren(node: AstNode, out: AstNode[]): void {
    const record = node as unknown as Record<string, unknown>;
    for (const property in record) {
        if (!isOwnValue(record, property)) continue;
        const value = record[property];
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) if (isAstNode(value[i])) out.push(value[i] as AstNode);
        } else if (isAstNode(value)) {
            out.push(value);
        }
    }
}

/** The node's children in document order: its properties that hold AST nodes, in property order. */
export function childrenOf(node: AstNode): AstNode[] {
    const children: AstNode[] = [];
    pushChildren(node, children);
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
        pushChildrenLastFirst(node, pending);
    }
}

/** {@link walkAst} for a caller that cannot wait: synchronous, without cancellation. */
export function walkAstNow(root: AstNode, visit: (node: AstNode) => void | boolean): void {
    const pending: AstNode[] = [root];
    while (pending.length > 0) {
        const node = pending.pop()!;
        if (visit(node) === false) continue;
        pushChildrenLastFirst(node, pending);
    }
}

/** Pushes the node's children onto a walk's stack last first, so that the first is visited next. */
function pushChildrenLastFirst(node: AstNode, stack: AstNode[]): void {
    const first = stack.length;
    pushChildren(node, stack);
    for (let i = first, j = stack.length - 1; i < j; i++, j--) {
        const swap = stack[i];
        stack[i] = stack[j];
        stack[j] = swap;
    }
}

/**
 * Sets every node's `$container`, `$containerProperty` and (in a list) `$containerIndex` under
 * `root`, as Langium's `linkContentToContainer(root, { deep: true })` does after each parse, without
 * its array of entries and closure per node (a tenth of parsing a file).
 */
export function linkContainers(root: AstNode): void {
    const pending: AstNode[] = [root];
    while (pending.length > 0) {
        const node = pending.pop()!;
        const record = node as unknown as Record<string, unknown>;
        for (const property in record) {
            if (!isOwnValue(record, property)) continue;
            const value = record[property];
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const item = value[index];
                    if (!isAstNode(item)) continue;
                    const child = item as Mutable<AstNode>;
                    child.$container = node;
                    child.$containerProperty = property;
                    child.$containerIndex = index;
                    pending.push(item);
                }
            } else if (isAstNode(value)) {
                const child = value as Mutable<AstNode>;
                child.$container = node;
                child.$containerProperty = property;
                pending.push(value);
            }
        }
    }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The node a reference is in, which it resolves from: Langium's references keep it as `node`, and
 * so does ours (`LinkedReference`, language/linking.ts); undefined for a reference that does not.
 */
export function containerOf(reference: Reference): AstNode | undefined {
    return (reference as { node?: AstNode }).node;
}

const NO_REFERENCES: readonly ReferenceInfo[] = Object.freeze([]);

/**
 * The node's own references (not its children's), in property order, as Langium's `streamReferences`
 * gives them. Most nodes have none: they all get the same empty list.
 */
export function referencesOf(node: AstNode): readonly ReferenceInfo[] {
    let out: ReferenceInfo[] | undefined;
    const record = node as unknown as Record<string, unknown>;
    for (const property in record) {
        if (!isOwnValue(record, property)) continue;
        const value = record[property];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                if (isReference(value[index])) (out ??= []).push({ reference: value[index] as Reference, container: node, property, index });
            }
        } else if (isReference(value)) {
            (out ??= []).push({ reference: value, container: node, property });
        }
    }
    return out ?? NO_REFERENCES;
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
