// The edges Mermaid's cluster extraction copies, each once (scripts/mermaid-patches.mjs, change 7).
//
// When Mermaid lays out a cluster on its own, `copy` (in its dagre renderer's cluster code) moves the
// cluster's nodes one by one into a new graph and removes each from the old one. For every node it
// walked `graph.edges(node)`, which in graphlib is every edge of the whole graph (the argument is
// ignored), and copied each edge inside the cluster: nodes × edges tests, each scanning the
// cluster's list of descendants, so cubic in the cluster's size. The first walk copies every edge
// that any later one would: edges are only removed from the old graph meanwhile, whether an edge is
// inside the cluster does not change, and copying an edge the new graph has with the same label
// changes nothing. So the first walk of each extraction walks every edge, and the later ones none.
// The new graph is the same: test/webview/cluster-copy.test.ts extracts random clustered graphs both
// ways and compares them.

interface Graph {
    edges(): unknown[];
}

/** For each new graph, the old graph and cluster whose edges were walked into it. */
const walked = new WeakMap<object, { graph: object; rootId: unknown }>();

/** The edges `copy` walks for one node of the cluster `rootId` moved from `graph` into `newGraph`. */
export function edgesToCopy(graph: Graph, newGraph: object, rootId: unknown): unknown[] {
    const done = walked.get(newGraph);
    if (done && done.graph === graph && done.rootId === rootId) return [];
    walked.set(newGraph, { graph, rootId });
    return graph.edges();
}
