// dagre's layout as the preview ships it (scripts/mermaid-patches.mjs changes its crossing
// minimisation, its network simplex and graphlib's lists) places every node and edge where dagre
// as published places them: on graphs without crossings, where the patched search stops early, and
// on graphs with crossings, where it runs as before, small and as large as the preview's views.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../fuzz/mutations.js';
import { type Graph, patchedAndPublished } from './patched-and-published.js';

interface Dagre {
    Graph: new (options: object) => Graph;
    layout(g: Graph): void;
}

let patched: Dagre;
let published: Dagre;
let dispose: () => void;

beforeAll(async () => {
    ({ patched, published, dispose } = await patchedAndPublished<Dagre>(
        'export { layout } from "dagre-d3-es/src/dagre/index.js"; export { Graph } from "dagre-d3-es/src/graphlib/index.js";'));
}, 60_000);
afterAll(() => dispose?.());

interface Spec {
    rankdir: string;
    nodes: { id: string; width: number; height: number; parent?: string }[];
    clusters: string[];
    edges: { v: string; w: string; label: boolean }[];
}

/** The graph as Mermaid hands it to dagre: a multigraph with clusters, labelled edges as wide boxes. */
function build(d: Dagre, spec: Spec): Graph {
    const g = new d.Graph({ multigraph: true, compound: true })
        .setGraph({ rankdir: spec.rankdir, nodesep: 50, ranksep: 50, marginx: 8, marginy: 8 })
        .setDefaultEdgeLabel(() => ({}));
    for (const c of spec.clusters) g.setNode(c, { id: c, width: 10, height: 10 });
    for (const n of spec.nodes) {
        g.setNode(n.id, { id: n.id, width: n.width, height: n.height });
        if (n.parent) g.setParent(n.id, n.parent);
    }
    spec.edges.forEach((e, i) => g.setEdge(e.v, e.w,
        e.label ? { minlen: 2, weight: 1, width: 60, height: 24, labelpos: 'c' } : { minlen: 1, weight: 1 }, `e${i}`));
    return g;
}

/** Where dagre put everything. */
function placed(d: Dagre, spec: Spec): unknown {
    const g = build(d, spec);
    d.layout(g);
    return {
        nodes: g.nodes().map(v => { const { x, y, width, height } = g.node(v) ?? {}; return [v, x, y, width, height]; }),
        edges: g.edges().map(e => { const { points, x, y } = g.edge(e); return [e.name, points, x, y]; })
    };
}

/** A chain, which has no crossings, in and out of a cluster as the benchmark's views are. */
function chain(length: number, clustered: boolean, rankdir: string): Spec {
    const nodes = Array.from({ length }, (_, i) => ({ id: `n${i}`, width: 120 + (i % 3) * 20, height: 40, parent: clustered ? 'sys' : undefined }));
    const edges = nodes.slice(1).map((n, i) => ({ v: `n${i}`, w: n.id, label: i % 2 === 0 }));
    return { rankdir, nodes, clusters: clustered ? ['sys'] : [], edges };
}

/** Random edges between random nodes, some in clusters, cycles allowed; up to `most` nodes. */
function tangle(seed: number, most = 33): Spec {
    const r = new Random(seed);
    const count = 3 + r.int(most - 2);
    const clusters = Array.from({ length: r.int(3) }, (_, i) => `c${i}`);
    const nodes = Array.from({ length: count }, (_, i) => ({
        id: `n${i}`, width: 40 + r.int(120), height: 30 + r.int(30),
        parent: clusters.length > 0 && r.int(2) === 0 ? clusters[r.int(clusters.length)] : undefined
    }));
    const edges = Array.from({ length: r.int(count * 2) }, () => ({ v: `n${r.int(count)}`, w: `n${r.int(count)}`, label: r.int(2) === 0 }))
        .filter(e => e.v !== e.w);
    return { rankdir: ['LR', 'TB', 'RL', 'BT'][r.int(4)], nodes, clusters, edges };
}

describe('dagre\'s layout with the preview\'s changes', () => {
    it('places chains, which have no crossings, as published dagre does', () => {
        for (const clustered of [false, true]) {
            for (const rankdir of ['LR', 'TB']) {
                for (const length of [1, 2, 5, 30, 100]) {
                    const spec = chain(length, clustered, rankdir);
                    expect(placed(patched, spec), `${length} ${rankdir} ${clustered}`).toEqual(placed(published, spec));
                }
            }
        }
    });

    it('places random graphs, with crossings, clusters and cycles, as published dagre does', () => {
        for (let seed = 1; seed <= 150; seed++) {
            const spec = tangle(seed);
            expect(placed(patched, spec), `seed ${seed}`).toEqual(placed(published, spec));
        }
    });

    it('places random graphs of up to 120 nodes as published dagre does', () => {
        for (let seed = 1001; seed <= 1012; seed++) {
            const spec = tangle(seed, 120);
            expect(placed(patched, spec), `seed ${seed}`).toEqual(placed(published, spec));
        }
    }, 60_000);
});
