// The preview's browser side: draws the diagrams the extension posts, patches the DOM in place
// (the page is never reloaded), keeps pan and zoom across updates, and posts clicks, view choices
// and exports back. Never imports `vscode`; talks to the host only through messages.ts.
import './preview.css';
import { markNodes, nodeOf, tagNodes } from './diagram-nodes.js';
import { pngDataUrl, svgMarkup } from './export-image.js';
import { isHostMessage, parsePreviewState, type HostMessage, type PreviewState, type WebviewMessage } from './messages.js';
import { renderSvg } from './mermaid-render.js';
import { PanZoom } from './pan-zoom.js';
import { guardedSvg } from './svg-guard.js';
import { showBanner, toolbar, updatePicker } from './toolbar.js';
import { host } from './vscode-api.js';

type Render = Extract<HostMessage, { type: 'render' }>;

const meta = document.getElementById('archwright-preview') as HTMLMetaElement;
const saved = parsePreviewState(host.getState());
const state: PreviewState = saved ?? { documentUri: meta.dataset.documentUri ?? '' };
const canvas = document.getElementById('canvas')!;
const diagram = document.getElementById('diagram')!;
const tools = toolbar();
const panZoom = new PanZoom(canvas, diagram, zoom => save({ zoom }));

/** The newest sequence number seen: anything older is a superseded answer. */
let newest = -1;
/** The next render waiting while Mermaid is busy with one: only the latest is kept. */
let waiting: Render | undefined;
let drawing = false;
/** What is on screen. */
let shown: { viewId: string; nodes: Map<string, Element[]> } | undefined;
let highlighted: string | undefined;
let flagged: string[] = [];

function save(change: Partial<PreviewState>): void {
    Object.assign(state, change);
    host.setState(state);
}

function post(message: WebviewMessage): void {
    host.postMessage(message);
}

function svgElement(): SVGSVGElement | null {
    return diagram.querySelector('svg');
}

function onRender(message: Render): void {
    if (message.sequence <= newest) return;
    newest = message.sequence;
    waiting = message;
    if (!drawing) void drawWaiting();
}

async function drawWaiting(): Promise<void> {
    drawing = true;
    try {
        while (waiting) {
            const next = waiting;
            waiting = undefined;
            await draw(next);
        }
    } finally {
        drawing = false;
    }
}

/** Shows one answer; with errors in the model the diagram on screen stays (with the new flags). */
async function draw(message: Render): Promise<void> {
    updatePicker(tools.picker, message.views, message.viewId);
    state.documentUri = message.documentUri;
    const keep = message.errorCount > 0 && shown?.viewId === message.viewId;
    if (!keep) {
        let svg: string;
        try {
            svg = await renderSvg(message.mermaid);
        } catch (error) {
            const text = error instanceof Error ? error.message : String(error);
            showBanner(`The diagram could not be drawn: ${text.split('\n')[0]}`);
            post({ type: 'renderFailed', documentUri: message.documentUri, message: text.slice(0, 4000) });
            return;
        }
        if (waiting) return; // a newer answer arrived while this one was drawing
        patch(svg, message);
    }
    flagged = message.flagged;
    if (shown) markNodes(diagram, shown.nodes, flagged, 'aw-flagged');
    const errors = message.errorCount;
    showBanner(errors === 0 ? undefined
        : `${errors} ${errors === 1 ? 'error' : 'errors'} in the model` + (keep ? ': showing the last diagram drawn.' : ': the diagram may be incomplete.'));
}

/** Swaps the SVG in place, keeping pan and zoom unless the view changed. */
function patch(svgText: string, message: Render): void {
    const viewChanged = shown?.viewId !== message.viewId;
    const firstTime = shown === undefined;
    const svg = guardedSvg(svgText);
    diagram.replaceChildren(svg);
    // Fixed pixel size from the viewBox, so that the transform alone decides what is seen.
    const box = svg.viewBox.baseVal;
    svg.setAttribute('width', String(box.width));
    svg.setAttribute('height', String(box.height));
    svg.style.maxWidth = 'none';
    shown = { viewId: message.viewId, nodes: tagNodes(svg, message.nodeIds) };
    markNodes(diagram, shown.nodes, highlighted ? [highlighted] : [], 'aw-highlight');
    if (firstTime && state.zoom && state.viewId === message.viewId) panZoom.set(state.zoom);
    // A new view, or a diagram the user has not moved since it was fitted, is fitted again.
    else if (viewChanged || panZoom.isFitted) panZoom.fit();
    save({ viewId: message.viewId });
}

function highlight(nodeId: string | undefined): void {
    highlighted = nodeId;
    if (!shown) return;
    markNodes(diagram, shown.nodes, nodeId ? [nodeId] : [], 'aw-highlight');
    const el = nodeId ? shown.nodes.get(nodeId)?.[0] : undefined;
    if (el instanceof SVGGraphicsElement) panZoom.showBox(boxInSvg(el));
}

/** The element's box in the SVG's own (untransformed) pixels. */
function boxInSvg(el: SVGGraphicsElement): { x: number; y: number; width: number; height: number } {
    const r = el.getBoundingClientRect();
    const s = diagram.getBoundingClientRect();
    const { scale } = panZoom.current;
    return { x: (r.left - s.left) / scale, y: (r.top - s.top) / scale, width: r.width / scale, height: r.height / scale };
}

function background(): string {
    return getComputedStyle(document.body).backgroundColor || '#ffffff';
}

async function exportImage(format: 'svg' | 'png'): Promise<void> {
    const svg = svgElement();
    if (!svg) return;
    const data = format === 'svg' ? svgMarkup(svg, background()) : await pngDataUrl(svg, background());
    post({ type: 'exported', documentUri: state.documentUri, format, data });
}

window.addEventListener('message', event => {
    const message: unknown = event.data;
    if (!isHostMessage(message)) return;
    switch (message.type) {
        case 'render': onRender(message); break;
        case 'empty':
            if (message.sequence <= newest) return;
            newest = message.sequence;
            shown = undefined;
            diagram.replaceChildren();
            showBanner(message.message, 'info');
            break;
        case 'highlight': highlight(message.nodeId); break;
        case 'exportImage': void exportImage(message.format); break;
    }
});

diagram.addEventListener('click', event => {
    if (panZoom.consumeDrag()) return;
    const nodeId = nodeOf(event.target);
    if (!nodeId) return;
    highlight(nodeId);
    post({ type: 'reveal', documentUri: state.documentUri, nodeId });
});

tools.picker.addEventListener('change', () => post({ type: 'selectView', documentUri: state.documentUri, viewId: tools.picker.value }));
tools.button('zoom-in').addEventListener('click', () => panZoom.zoomBy(1.25));
tools.button('zoom-out').addEventListener('click', () => panZoom.zoomBy(0.8));
tools.button('zoom-fit').addEventListener('click', () => panZoom.fit());
tools.button('export-svg').addEventListener('click', () => void exportImage('svg'));
tools.button('export-png').addEventListener('click', () => void exportImage('png'));
tools.button('copy-mermaid').addEventListener('click', () => post({ type: 'exportSource', documentUri: state.documentUri, format: 'mermaid' }));
tools.button('save-markdown').addEventListener('click', () => post({ type: 'exportSource', documentUri: state.documentUri, format: 'markdown' }));

host.setState(state);
post({ type: 'ready', documentUri: state.documentUri });
