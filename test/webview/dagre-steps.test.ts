// Two steps of dagre's layout as the preview's bundle changes them (scripts/mermaid-patches.mjs),
// checked directly against dagre's own: the network simplex's cut values after each exchange
// (client/webview/dagre-cut-values.ts computes only those on the exchange's cycle), and the
// crossing count between two ranks (client/webview/dagre-cross-count.ts). dagre-order.test.ts
// checks the whole layout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../fuzz/mutations.js';
import { type Graph, patchedAndPublished } from './patched-and-published.js';

type Edge = { v: string; w: string; name?: string };
interface Tree extends Graph {
    edge(e: Edge): { cutvalue?: number };
}
interface NetworkSimplex {
    (g: Graph): void;
    initLowLimValues(t: Tree): void;
    initCutValues(t: Tree, g: Graph): void;
    leaveEdge(t: Tree): Edge | undefined;
    enterEdge(t: Tree, g: Graph, e: Edge): Edge;
    exchangeEdges(t: Tree, g: Graph, e: Edge, f: Edge): void;
}
interface Dagre {
    Graph: new (options?: object) => Graph;
    networkSimplex: NetworkSimplex;
    feasibleTree(g: Graph): Tree;
    longestPath(g: Graph): void;
    crossCount(g: Graph, layering: string[][]): number;
}

let patched: Dagre;
let published: Dagre;
let dispose: () => void;

beforeAll(async () => {
    ({ patched, published, dispose } = await patchedAndPublished<Dagre>([
        'export { networkSimplex } from "dagre-d3-es/src/dagre/rank/network-simplex.js";',
        'export { feasibleTree } from "dagre-d3-es/src/dagre/rank/feasible-tree.js";',
        'export { longestPath } from "dagre-d3-es/src/dagre/rank/util.js";',
        'export { crossCount } from "dagre-d3-es/src/dagre/order/cross-count.js";',
        'export { Graph } from "dagre-d3-es/src/graphlib/index.js";'
    ].join('\n')));
}, 60_000);
afterAll(() => dispose?.());

/** A random connected DAG as the simplex gets it: edges from lower to higher numbers, whole weights and lengths. */
function dag(d: Dagre, seed: number): Graph {
    const r = new Random(seed);
    const count = 2 + r.int(60);
    const g = new d.Graph();
    for (let i = 0; i < count; i++) g.setNode(`n${i}`, {});
    for (let i = 1; i < count; i++) g.setEdge(`n${r.int(i)}`, `n${i}`, { minlen: 1 + r.int(3), weight: 1 + r.int(3) });
    for (let k = r.int(count * 2); k > 0; k--) {
        const a = r.int(count - 1), b = a + 1 + r.int(count - 1 - a);
        if (!g.edge({ v: `n${a}`, w: `n${b}` })) g.setEdge(`n${a}`, `n${b}`, { minlen: 1 + r.int(3), weight: 1 + r.int(3) });
    }
    return g;
}

const cutValues = (t: Tree) => t.edges().map(e => [e.v, e.w, t.edge(e).cutvalue]);

describe('dagre\'s network simplex with the preview\'s changes', () => {
    it('has, after every exchange, the cut values that dagre computes for the whole tree', () => {
        const { networkSimplex: ns, feasibleTree, longestPath } = patched;
        let exchanges = 0;
        for (let seed = 1; seed <= 200; seed++) {
            const g = dag(patched, seed);
            longestPath(g);
            const t = feasibleTree(g);
            ns.initLowLimValues(t);
            ns.initCutValues(t, g);
            for (let e = ns.leaveEdge(t); e; e = ns.leaveEdge(t)) {
                ns.exchangeEdges(t, g, e, ns.enterEdge(t, g, e));
                exchanges++;
                const incremental = cutValues(t);
                ns.initCutValues(t, g);
                expect(incremental, `seed ${seed}`).toEqual(cutValues(t));
            }
        }
        expect(exchanges).toBeGreaterThan(500);
    });

    it('gives the ranks that dagre as published gives', () => {
        for (let seed = 1; seed <= 200; seed++) {
            const ranks = [patched, published].map(d => {
                const g = dag(d, seed);
                d.networkSimplex(g);
                return g.nodes().map(v => g.node(v)?.rank);
            });
            expect(ranks[0], `seed ${seed}`).toEqual(ranks[1]);
        }
    });
});

describe('dagre\'s crossing count with the preview\'s changes', () => {
    it('counts what dagre as published counts, weights and all', () => {
        for (let seed = 1; seed <= 300; seed++) {
            const r = new Random(seed);
            const ranks = 2 + r.int(5);
            const layering = Array.from({ length: ranks }, (_, k) => Array.from({ length: r.int(12) }, (_, i) => `r${k}n${i}`));
            // Weights as dagre's layer graphs have them (whole) and, for the count's own sake, fractions.
            const weight = () => r.int(2) === 0 ? 1 + r.int(4) : (1 + r.int(100)) / 7;
            const edges = layering.slice(1).flatMap((south, k) => Array.from({ length: r.int(30) }, () => ({
                v: layering[k][r.int(Math.max(1, layering[k].length))], w: south[r.int(Math.max(1, south.length))], weight: weight()
            }))).filter(e => e.v !== undefined && e.w !== undefined);
            const counts = [patched, published].map(d => {
                const g = new d.Graph();
                for (const v of layering.flat()) g.setNode(v, {});
                for (const e of edges) if (!g.edge(e)) g.setEdge(e.v, e.w, { weight: e.weight });
                return d.crossCount(g, layering);
            });
            expect(counts[0], `seed ${seed}`).toBe(counts[1]);
        }
    });
});
