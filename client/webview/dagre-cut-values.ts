// Cut values after an exchange, for dagre's network simplex (rank/network-simplex.js in dagre-d3-es),
// which gives every node its rank.
//
// The simplex keeps a spanning tree of the graph and, for each tree edge, a cut value: remove the
// edge and the tree falls in two parts; the cut value is the weight of the graph's edges from the
// edge's tail part to its head part, minus the weight of those going back. Each step of the simplex
// swaps one tree edge for a graph edge (exchangeEdges), and dagre then computed every cut value of
// the tree again: nodes × steps, a tenth of the layout of a view of 100 nodes with crossings
// (bench/NOTES.md). scripts/mermaid-patches.mjs has it compute only the ones that can change.
//
// Which can change: putting the old edge (v, w) back into the new tree closes a cycle, made of the
// new tree's path from v to w and that edge. A tree edge off that path cuts the tree into the same
// two parts as before the swap (the whole cycle lies on one side of it), so its cut value is the
// same. The cut value does not depend on where the tree is rooted: dagre's calcCutValue counts it
// from the side below the edge, but by the graph edge's direction. So only the edges on the path
// are computed again, each from below, after those under it, as dagre's postorder does.
//
// Every value is then the one dagre computed, to the last bit, because the weights are whole
// numbers, whose sums are exact in any order: Mermaid gives its edges no weight, so dagre weighs
// each 1, and the weights it makes itself (nesting, merged edges) are sums of those.
// test/webview/dagre-steps.test.ts compares every cut value with dagre's after every step.

/** A node of the simplex's tree after dagre's initLowLimValues: its postorder number `lim`, the lowest `low` under it, and its parent (none at the root). */
export interface TreeNode {
    low: number;
    lim: number;
    parent?: string;
}

/**
 * Calls `assign(child)` (dagre's assignCutValue: computes the cut value of the edge from `child`
 * to its parent) for each node on the tree's path from `v` and from `w` up to the lowest node above
 * both, that node excluded: from the bottom up on each side.
 */
export function cutValuesOnPath(node: (v: string) => TreeNode, v: string, w: string, assign: (child: string) => void): void {
    const wLim = node(w).lim;
    let top = v;
    let topNode = node(v);
    // Up from v until the node's subtree holds w: that node is the lowest above both.
    while (!(topNode.low <= wLim && wLim <= topNode.lim)) {
        assign(top);
        top = ancestor(topNode, top);
        topNode = node(top);
    }
    for (let x = w; x !== top; x = ancestor(node(x), x)) assign(x);
}

function ancestor(treeNode: TreeNode, v: string): string {
    if (treeNode.parent === undefined) throw new Error(`dagre's tree has no node above ${v}`);
    return treeNode.parent;
}
