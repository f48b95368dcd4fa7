import { describe, expect, it } from 'vitest';
import { nodesByRank } from '../../client/webview/dagre-layers.js';

interface Label { rank?: number; minRank?: number; maxRank?: number }

/** What dagre's buildLayerGraph keeps for rank R, walking every node (dagre-d3-es 7, order/build-layer-graph.js). */
function walkedFor(nodes: [string, Label][], rank: number): string[] {
    return nodes.filter(([, n]) => n.rank === rank || ((n.minRank as number) <= rank && rank <= (n.maxRank as number))).map(([v]) => v);
}

function graph(nodes: [string, Label][]) {
    const labels = new Map(nodes);
    return { nodes: () => nodes.map(([v]) => v), node: (v: string) => labels.get(v)! };
}

describe('the nodes of each rank for dagre\'s layer graphs', () => {
    it('are the nodes that walking the whole graph keeps, in its order, for every rank', () => {
        let seed = 7;
        const random = (n: number) => { seed = (seed * 48271) % 2147483647; return seed % n; };
        for (let round = 0; round < 50; round++) {
            const nodes: [string, Label][] = [];
            const count = 1 + random(60);
            for (let i = 0; i < count; i++) {
                const kind = random(4);
                const rank = random(12);
                // Plain nodes, subgraphs spanning ranks (with and without a rank of their own), and border nodes.
                const label: Label = kind === 0 ? { rank } : kind === 1 ? { minRank: rank, maxRank: rank + random(5) }
                    : kind === 2 ? { rank, minRank: Math.max(0, rank - random(3)), maxRank: rank + random(3) } : { rank: rank + 0 };
                nodes.push([`n${round}-${i}`, label]);
            }
            const byRank = nodesByRank(graph(nodes));
            for (let rank = -1; rank < 20; rank++) expect(byRank.get(rank) ?? [], `round ${round}, rank ${rank}`).toEqual(walkedFor(nodes, rank));
        }
    });

    it('skips nodes without a rank, as the walk does', () => {
        const nodes: [string, Label][] = [['a', {}], ['b', { rank: 1 }], ['c', { minRank: 2, maxRank: 1 }]];
        const byRank = nodesByRank(graph(nodes));
        expect([...byRank]).toEqual([[1, ['b']]]);
    });
});
