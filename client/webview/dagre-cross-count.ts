// The weighted crossings between two adjacent ranks, for dagre's crossing minimisation
// (order/cross-count.js in dagre-d3-es): the same count, by the same steps, without lodash's
// zipObject, map, sortBy and flatten, which were most of its time (scripts/mermaid-patches.mjs).
//
// dagre's algorithm (Barth, Jünger and Mutzel's accumulator tree): list the edges between the
// ranks by their tail's place in the north rank, and for one tail by their head's place in the
// south rank; then, edge by edge, add the weight of the edges already seen whose heads lie further
// right, times this edge's weight. The list is built in the same order (a stable sort by the head's
// place, with a head that is not in the south rank last, as lodash's sortBy puts undefined), and the
// sums are added in the same order, so the count is dagre's to the last bit.

interface LayerGraph {
    outEdges(v: string): { v: string; w: string; name?: string }[] | undefined;
    edge(e: { v: string; w: string; name?: string }): { weight: number };
}

interface Entry {
    pos: number | undefined;
    weight: number;
}

const byPos = (a: Entry, b: Entry) =>
    a.pos === b.pos ? 0 : a.pos === undefined ? 1 : b.pos === undefined ? -1 : a.pos - b.pos;

/** The sum, over pairs of edges between `north` and `south` that cross, of the product of their weights. */
export function twoLayerCrossCount(g: LayerGraph, north: readonly string[], south: readonly string[]): number {
    const southPos = new Map<string, number>();
    for (let i = 0; i < south.length; i++) southPos.set(south[i], i);
    const southEntries: Entry[] = [];
    for (let n = 0; n < north.length; n++) {
        const out = g.outEdges(north[n]) ?? [];
        const entries = out.map(e => ({ pos: southPos.get(e.w), weight: g.edge(e).weight }));
        entries.sort(byPos);
        for (const entry of entries) southEntries.push(entry);
    }
    let firstIndex = 1;
    while (firstIndex < south.length) firstIndex <<= 1;
    const treeSize = 2 * firstIndex - 1;
    firstIndex -= 1;
    const tree = new Array<number>(treeSize).fill(0);
    let cc = 0;
    for (const entry of southEntries) {
        let index = (entry.pos as number) + firstIndex;
        tree[index] += entry.weight;
        let weightSum = 0;
        while (index > 0) {
            if (index % 2) weightSum += tree[index + 1];
            index = (index - 1) >> 1;
            tree[index] += entry.weight;
        }
        cc += entry.weight * weightSum;
    }
    return cc;
}
