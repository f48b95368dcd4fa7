import { isCompositeCstNode, type CstNode } from 'langium';

/**
 * The range of a CST node, equal to Langium's `CstNode.range`, without keeping it on the node.
 * Langium's composite nodes keep the range they were once asked for (a range and its two positions,
 * ~120 bytes a node, for as long as the tree lives). The ArchModel asks for the range of every
 * declaration and property, the reference index for every reference: that filled the cache of
 * nearly every composite node, 41 MB of the 433 MB live heap at L, for ranges nothing asks for
 * again. A range already kept is returned as it is: callers must not change it.
 */
export function rangeOfCst(cst: CstNode): CstNode['range'] {
    if (!isCompositeCstNode(cst)) return cst.range;
    const kept = (cst as { _rangeCache?: CstNode['range'] })._rangeCache;
    if (kept) return kept;
    const first = cst.content.find(c => !c.hidden) ?? cst.content[0];
    const last = cst.content.findLast(c => !c.hidden) ?? cst.content[cst.content.length - 1];
    if (!first || !last) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = rangeOfCst(first).start;
    const end = rangeOfCst(last).end;
    return { start, end: end.line < start.line ? start : end };
}
