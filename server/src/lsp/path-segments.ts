import { AstUtils, CstUtils, type AstNode, type CstNode, type Reference } from 'langium';

// A reference may be a dotted path (`shop.orders`): Langium links it as one word to the last
// element, but the editor treats each segment as a use of the element it names.

/** The id segments of a reference's text, in order (`shop`, `orders`), without dots or comments. */
export function pathSegments(refNode: CstNode): CstNode[] {
    return CstUtils.flattenCst(refNode).filter(leaf => !leaf.hidden && leaf.text !== '.').toArray();
}

/**
 * What segment `index` of a path resolved to `target` names: the target itself for the last segment,
 * its container for the one before, and so on (the scope exports paths from the top level down).
 */
export function segmentTarget(target: AstNode, segmentCount: number, index: number): AstNode | undefined {
    let node: AstNode | undefined = target;
    for (let up = segmentCount - 1 - index; up > 0 && node; up--) node = node.$container;
    return node;
}

/** The reference of `node` whose text contains the leaf, if any. */
export function referenceAt(node: AstNode, leaf: CstNode): Reference | undefined {
    return AstUtils.streamReferences(node)
        .map(info => info.reference as Reference)
        .find(ref => ref.$refNode !== undefined && ref.$refNode.offset <= leaf.offset && ref.$refNode.end >= leaf.end);
}
