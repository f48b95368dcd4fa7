// Finds, in the SVG Mermaid drew, the elements of each node the views named (flowchart nodes and
// boundaries, sequence participants, requirement boxes) and tags them with `data-aw-node`, so that
// clicks, highlights and flags work the same for every diagram kind.

/** Tags the drawn elements of each of `nodeIds`; returns them by node id. */
export function tagNodes(svg: SVGSVGElement, nodeIds: readonly string[]): Map<string, Element[]> {
    const wanted = new Set(nodeIds);
    const found = new Map<string, Element[]>();
    const add = (nodeId: string | null | undefined, el: Element) => {
        if (!nodeId || !wanted.has(nodeId)) return;
        el.setAttribute('data-aw-node', nodeId);
        el.classList.add('aw-node');
        const list = found.get(nodeId);
        if (list) list.push(el);
        else found.set(nodeId, [el]);
    };
    // Flowchart nodes, boundaries (subgraphs) and requirement boxes have the node id in their
    // element id, after Mermaid's prefix for the diagram.
    for (const el of svg.querySelectorAll('g.node[id], g.cluster[id]')) add(matchId(el.id, wanted), el);
    // Sequence participants: the top box carries the id; the bottom box (and a person's figure) its name.
    for (const el of svg.querySelectorAll('g[data-et="participant"][data-id]')) add(el.getAttribute('data-id'), el);
    for (const el of svg.querySelectorAll('g.actor-man[name]')) add(el.getAttribute('name'), el);
    for (const el of svg.querySelectorAll('rect.actor-bottom[name]')) {
        const box = el.parentElement;
        add(el.getAttribute('name'), box instanceof SVGGElement && box.querySelectorAll('rect').length === 1 ? box : el);
    }
    return found;
}

/** Mermaid writes ids as `<prefix>-<nodeId>` or `<prefix>-flowchart-<nodeId>-<n>`; finds the node id inside. */
function matchId(id: string, wanted: ReadonlySet<string>): string | undefined {
    if (wanted.has(id)) return id;
    const flowchart = /-flowchart-(.+)-\d+$/.exec(id);
    if (flowchart && wanted.has(flowchart[1])) return flowchart[1];
    for (let i = id.indexOf('-'); i >= 0; i = id.indexOf('-', i + 1)) {
        const rest = id.slice(i + 1);
        if (wanted.has(rest)) return rest;
    }
    return undefined;
}

/** The node a click landed on, if any. */
export function nodeOf(target: EventTarget | null): string | undefined {
    if (!(target instanceof Element)) return undefined;
    return target.closest('[data-aw-node]')?.getAttribute('data-aw-node') ?? undefined;
}

/** Sets `className` on exactly the elements of the given nodes. */
export function markNodes(svg: Element, nodes: ReadonlyMap<string, Element[]>, ids: Iterable<string>, className: string): void {
    for (const el of svg.querySelectorAll('.' + className)) el.classList.remove(className);
    for (const id of ids) for (const el of nodes.get(id) ?? []) el.classList.add(className);
}
