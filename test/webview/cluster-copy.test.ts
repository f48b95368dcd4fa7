// Mermaid's cluster extraction as the preview ships it (scripts/mermaid-patches.mjs walks the edges
// once per extracted cluster, client/webview/cluster-copy.ts) gives the graphs Mermaid as published
// gives: the same nodes, parents, edges and labels, in the same order, for every cluster extracted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mermaidClusterModule } from '../../scripts/mermaid-patches.mjs';
import { Random } from '../fuzz/mutations.js';
import { type Graph, patchedAndPublished } from './patched-and-published.js';

interface Extraction {
    Graph: new (options: object) => Graph;
    adjustClustersAndEdges(g: Graph): void;
    clusterDb: Map<string, Record<string, unknown>>;
    clear(): void;
}

let patched: Extraction;
let published: Extraction;
let dispose: () => void;

beforeAll(async () => {
    // Mermaid's cluster code alone, with the graphlib it uses.
    const cluster = JSON.stringify(mermaidClusterModule());
    ({ patched, published, dispose } = await patchedAndPublished<Extraction>(`export { adjustClustersAndEdges, clusterDb } from ${cluster};
        export { Graph } from "dagre-d3-es/src/graphlib/index.js";
        import { clusterDb } from ${cluster};
        export function clear() { clusterDb.clear(); }`));
}, 60_000);
afterAll(() => dispose?.());

/** A flowchart's graph as Mermaid hands it over: clusters (some nested), nodes in and out of them, edges between any two. */
function flowchart(x: Extraction, seed: number): Graph {
    const r = new Random(seed);
    const g = new x.Graph({ multigraph: true, compound: true }).setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 50 }).setDefaultEdgeLabel(() => ({}));
    const clusters = Array.from({ length: 1 + r.int(4) }, (_, i) => `c${i}`);
    for (const c of clusters) g.setNode(c, { id: c, label: c, isGroup: true, shape: 'rect' });
    // Nest some clusters.
    clusters.forEach((c, i) => { if (i > 0 && r.int(3) === 0) g.setParent(c, clusters[r.int(i)]); });
    const count = 2 + r.int(40);
    for (let i = 0; i < count; i++) {
        g.setNode(`n${i}`, { id: `n${i}`, label: `Node ${i}`, shape: 'rect' });
        if (r.int(4) !== 0) g.setParent(`n${i}`, clusters[r.int(clusters.length)]);
    }
    // Mostly edges inside one cluster (so that clusters get extracted), some across.
    for (let e = 0, edges = r.int(count * 2); e < edges; e++) {
        const v = `n${r.int(count)}`, w = `n${r.int(count)}`;
        if (v !== w && (g.parent(v) === g.parent(w) || r.int(4) === 0)) g.setEdge(v, w, { id: `e${e}`, label: `edge ${e}` }, `e${e}`);
    }
    return g;
}

/** Everything a graph holds, clusters laid out on their own included, in its order. */
function contents(g: Graph): unknown {
    return {
        graph: g.graph(),
        nodes: g.nodes().map(v => {
            const { graph, ...label } = g.node(v) ?? {};
            return [v, g.parent(v), label, graph ? contents(graph as Graph) : undefined];
        }),
        edges: g.edges().map(e => [e.v, e.w, e.name, g.edge(e)])
    };
}

function extract(x: Extraction, seed: number): unknown {
    x.clear();
    const g = flowchart(x, seed);
    x.adjustClustersAndEdges(g);
    return { graph: contents(g), clusters: [...x.clusterDb].map(([id, { clusterData, ...rest }]) => [id, rest, clusterData !== undefined]) };
}

describe('Mermaid\'s cluster extraction with the preview\'s change', () => {
    it('gives the graphs Mermaid as published gives, for random flowcharts with clusters', () => {
        let extracted = 0;
        for (let seed = 1; seed <= 200; seed++) {
            const ours = extract(patched, seed);
            expect(ours, `seed ${seed}`).toEqual(extract(published, seed));
            extracted += JSON.stringify(ours).split('"clusterNode":true').length - 1;
        }
        // Enough clusters laid out on their own for the comparison to mean something.
        expect(extracted).toBeGreaterThan(100);
    });
});
