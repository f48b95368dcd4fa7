// The nodes of each rank, for dagre's crossing minimisation (order/index.js in dagre-d3-es).
//
// Before sweeping, dagre builds one "layer graph" per rank, twice (once looking down, once up), and
// each layer graph was made by walking every node of the whole graph and keeping those of its
// rank: ranks × nodes. Mermaid's flowcharts double the ranks to make room for edge labels, and long
// edges add a dummy node per rank they cross, so for a view of 100 nodes that walk was about a
// tenth of drawing it (bench/NOTES.md). scripts/mermaid-patches.mjs makes dagre walk the nodes once
// here and hand each layer graph its own list.
//
// A layer graph of rank R keeps node v when `v.rank === R` or `v.minRank <= R <= v.maxRank` (a
// subgraph spans ranks). The lists hold exactly those nodes, in the graph's own order, so every
// layer graph gets the same nodes, edges and weights in the same order as before, and dagre picks
// the same order: the pictures are the same (test/webview/mermaid-patches.test.ts).

interface RankedNode {
    rank?: number;
    minRank?: number;
    maxRank?: number;
}

interface LayeredGraph {
    nodes(): string[];
    node(v: string): RankedNode;
}

/** For each rank, the nodes that the layer graph of that rank holds, in the order of `g.nodes()`. */
export function nodesByRank(g: LayeredGraph): Map<number, string[]> {
    const byRank = new Map<number, string[]>();
    const add = (rank: number, v: string) => {
        const list = byRank.get(rank);
        if (!list) byRank.set(rank, [v]);
        else if (list[list.length - 1] !== v) list.push(v);
    };
    for (const v of g.nodes()) {
        const node = g.node(v);
        if (typeof node.rank === 'number' && Number.isInteger(node.rank)) add(node.rank, v);
        const { minRank, maxRank } = node;
        if (typeof minRank === 'number' && typeof maxRank === 'number') {
            // Ranks are whole numbers: those between the two bounds, bounds included.
            for (let rank = Math.ceil(minRank); rank <= maxRank; rank++) add(rank, v);
        }
    }
    return byRank;
}
