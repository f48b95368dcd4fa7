// Landscape, `of SYSTEM` and `dataflow DATA` views: a Mermaid flowchart with systems as boundaries
// (subgraphs), one shape per element kind, flows as labelled edges (async dashed), flows carrying
// sensitive data marked, and in a dataflow view the unencrypted hops and stores.
import { isEncrypted, SENSITIVE_CLASSES, type ArchModel, type Flow, type View } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import { DiagramWriter, elementLabel, escapeLabel, joinLabels, shapeNode, type ViewDiagram, type WriterOptions } from './diagram-writer.js';
import { SENSITIVE_LINK_STYLE, UNENCRYPTED_LINK_STYLE } from './mermaid-config.js';
import type { FlowchartSelection } from './view-selection.js';

interface FlowchartContext {
    model: ArchModel;
    index: ModelIndex;
    view: View;
    selection: FlowchartSelection;
    w: DiagramWriter;
    /** Drawn children of each drawn element, in model order. */
    children: Map<string, string[]>;
}

/** The flowchart of a landscape, `of` or dataflow view over an already computed selection. */
export function flowchartView(model: ArchModel, index: ModelIndex, view: View, selection: FlowchartSelection, options: WriterOptions): ViewDiagram {
    const w = new DiagramWriter(options, 'flowchart LR');
    const ctx: FlowchartContext = { model, index, view, selection, w, children: new Map() };
    const roots: string[] = [];
    for (const e of model.elements) {
        if (!selection.elements.has(e.id) || index.elements.get(e.id) !== e) continue;
        const parent = e.parent !== undefined && selection.elements.has(e.parent) ? e.parent : undefined;
        if (parent === undefined) roots.push(e.id);
        else pushChild(ctx.children, parent, e.id);
    }
    const seen = new Set<string>();
    for (const id of roots) writeElement(ctx, id, 1, seen);
    if (roots.length === 0) w.line(1, `empty["Nothing to show: ${escapeLabel(selection.emptyReason ?? 'the view is empty')}"]`);
    writeEdges(ctx);
    w.writeClasses(1);
    return w.finish();
}

function pushChild(map: Map<string, string[]>, parent: string, child: string): void {
    const list = map.get(parent);
    if (list) list.push(child);
    else map.set(parent, [child]);
}

/** An element with drawn parts becomes a boundary around them; any other element is one node. */
function writeElement(ctx: FlowchartContext, id: string, depth: number, seen: Set<string>): void {
    if (seen.has(id)) return;
    seen.add(id);
    const e = ctx.index.elements.get(id)!;
    const nodeId = ctx.w.ids.id('el', id);
    const parts = ctx.children.get(id);
    if (parts) {
        ctx.w.line(depth, `subgraph ${nodeId}["${escapeLabel(e.title ?? e.id)}"]`);
        for (const child of parts) writeElement(ctx, child, depth + 1, seen);
        ctx.w.line(depth, 'end');
    } else {
        ctx.w.line(depth, shapeNode(nodeId, e.kind, elementLabel(e, storeNote(ctx, id))));
    }
    ctx.w.source(nodeId, 'element', id, e.decl);
    if (e.kind === 'external') ctx.w.addClass(nodeId, 'external');
    if (storesUnencrypted(ctx, id)) ctx.w.addClass(nodeId, 'unencrypted');
    ctx.w.flagIf(nodeId, id);
}

/** In a dataflow view, a datastore that holds the asset says whether it is encrypted at rest. */
function storeNote(ctx: FlowchartContext, id: string): string | undefined {
    if (ctx.view.form !== 'dataflow' || ctx.view.subject === undefined) return undefined;
    const e = ctx.index.elements.get(id)!;
    if (!e.stores.includes(ctx.view.subject)) return undefined;
    return e.encryptionAtRest ? 'stores it, encrypted at rest' : 'stores it, NOT encrypted at rest';
}

function storesUnencrypted(ctx: FlowchartContext, id: string): boolean {
    const e = ctx.index.elements.get(id)!;
    return ctx.view.form === 'dataflow' && ctx.view.subject !== undefined && e.stores.includes(ctx.view.subject) && !e.encryptionAtRest;
}

function writeEdges(ctx: FlowchartContext): void {
    const sensitive: number[] = [];
    const unencrypted: number[] = [];
    const dataflow = ctx.view.form === 'dataflow';
    ctx.selection.flows.forEach((f, n) => {
        const hot = dataflow ? !isEncrypted(f) : sensitiveClasses(ctx, f).length > 0;
        if (hot) (dataflow ? unencrypted : sensitive).push(n);
        const arrow = f.async ? '-.->' : '-->';
        const label = edgeLabel(ctx, f, dataflow);
        ctx.w.line(1, `${ctx.w.ids.id('el', f.source)} ${arrow}${label ? `|"${label}"|` : ''} ${ctx.w.ids.id('el', f.target)}`);
    });
    if (sensitive.length > 0) ctx.w.line(1, `linkStyle ${sensitive.join(',')} ${SENSITIVE_LINK_STYLE}`);
    if (unencrypted.length > 0) ctx.w.line(1, `linkStyle ${unencrypted.join(',')} ${UNENCRYPTED_LINK_STYLE}`);
}

/** The sensitive classes (pii, payment, health, secret) of the data a flow carries, sorted. */
function sensitiveClasses(ctx: FlowchartContext, f: Flow): string[] {
    const classes = new Set<string>();
    for (const d of f.carries) {
        const cls = ctx.index.data.get(d)?.class;
        if (cls && SENSITIVE_CLASSES.includes(cls)) classes.add(cls);
    }
    return [...classes].sort();
}

/** The flow's label and protocol; then its sensitive data, or in a dataflow view whether it is encrypted. */
function edgeLabel(ctx: FlowchartContext, f: Flow, dataflow: boolean): string {
    const lines = [joinLabels([f.label, f.protocol])];
    if (dataflow) lines.push(isEncrypted(f) ? 'encrypted' : 'UNENCRYPTED');
    const classes = dataflow ? [] : sensitiveClasses(ctx, f);
    if (classes.length > 0) lines.push(`sensitive: ${classes.map(c => escapeLabel(c)).join(', ')}`);
    return lines.filter(l => l !== '').join('<br>');
}
