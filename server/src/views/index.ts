// The views of a model as Mermaid text: pure functions of the ArchModel and its indexes, so the
// language server, the command line and tests all draw the same diagram for the same model.
import type { ArchModel, View, ViewForm } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import { deploymentView } from './deployment-view.js';
import type { ViewDiagram, WriterOptions } from './diagram-writer.js';
import { flowchartView } from './landscape-view.js';
import type { PreviewTheme } from './mermaid-config.js';
import { requirementsView } from './requirements-view.js';
import { sequenceView } from './sequence-view.js';
import { selectDataflow, selectInside, selectLandscape, viewsOf } from './view-selection.js';

export type { DiagramNode, DiagramNodeKind, ViewDiagram } from './diagram-writer.js';
export { PREVIEW_THEMES, type PreviewTheme } from './mermaid-config.js';
export { automaticViews, viewsOf } from './view-selection.js';

export interface RenderOptions {
    /** The VS Code colour theme kind (default light). */
    theme?: PreviewTheme;
    /** Ids of elements (or requirements, deployment nodes...) to mark, e.g. those with diagnostics. */
    flagged?: Iterable<string>;
}

/** A rendered view: the diagram, its source map, and what the view picker shows. */
export interface RenderedView extends ViewDiagram { id: string; title: string; kind: ViewForm; automatic: boolean }

/** One entry of the view picker. */
export interface ViewSummary { id: string; title: string; form: ViewForm; automatic: boolean }

/** The views to choose from: the declared ones, or the automatic ones when the model declares none. */
export function listViews(model: ArchModel): ViewSummary[] {
    return viewsOf(model).map(v => ({ id: v.id, title: v.title ?? v.id, form: v.form, automatic: v.automatic === true }));
}

/** Draws the view `viewId` (declared or automatic); undefined when the model has no such view. */
export function renderView(model: ArchModel, index: ModelIndex, viewId: string, options: RenderOptions = {}): RenderedView | undefined {
    const view = viewsOf(model).find(v => v.id === viewId);
    if (!view) return undefined;
    return { ...drawView(model, index, view, options), id: view.id, title: view.title ?? view.id, kind: view.form, automatic: view.automatic === true };
}

/** Draws any view, declared or not (the docs generator draws an `of` view for every system). */
export function drawView(model: ArchModel, index: ModelIndex, view: View, options: RenderOptions = {}): ViewDiagram {
    return draw(model, index, view, { theme: options.theme ?? 'light', flagged: new Set(options.flagged ?? []) });
}

function draw(model: ArchModel, index: ModelIndex, view: View, options: WriterOptions): ViewDiagram {
    switch (view.form) {
        case 'landscape': return flowchartView(model, index, view, selectLandscape(model, index, view), options);
        case 'of': return flowchartView(model, index, view, selectInside(model, index, view), options);
        case 'dataflow': return flowchartView(model, index, view, selectDataflow(model, index, view), options);
        case 'deployment': return deploymentView(index, view, options);
        case 'sequence': return sequenceView(index, view, options);
        case 'requirements': return requirementsView(model, index, options);
    }
}
