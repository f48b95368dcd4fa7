import { DocumentState, type LangiumDocument } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { Range } from '../model/arch-model.js';
import type { BuiltModel } from '../model/model-provider.js';
import type { ArchwrightServices, ArchwrightSharedServices } from '../module.js';
import { DiagramRequest, type DiagramNodeSource, type DiagramParams, type DiagramResult } from '../protocol.js';
import { listViews, renderView } from '../views/index.js';

// Answers the preview: one view of the model as Mermaid text, its source map, which of its nodes
// have diagnostics, and the views to choose from. The webview never sees the AST (architecture.md).

const ERROR = 1;
const WARNING = 2;

/** The diagram of one view of a built model, given the diagnostics of the model's documents. */
export function diagramOf(built: BuiltModel, diagnostics: readonly { uri: string; diagnostics: readonly Diagnostic[] }[], params: DiagramParams): DiagramResult {
    const views = listViews(built.model).map(v => ({ id: v.id, title: v.title, kind: v.form, automatic: v.automatic }));
    const errorCount = diagnostics.reduce((n, d) => n + d.diagnostics.filter(x => x.severity === ERROR).length, 0);
    const chosen = views.find(v => v.id === params.viewId) ?? views[0];
    const empty: DiagramResult = { views, viewId: undefined, title: '', mermaid: '', nodes: {}, flagged: [], errorCount, version: params.version };
    if (!chosen) return empty;
    // Draw once to learn what is on the diagram, then again with the things that have diagnostics marked.
    const first = renderView(built.model, built.index, chosen.id, { theme: params.theme });
    if (!first) return empty;
    const flaggedIds = flaggedModelIds(first.nodes, diagnostics);
    const drawn = flaggedIds.size > 0 ? renderView(built.model, built.index, chosen.id, { theme: params.theme, flagged: flaggedIds }) ?? first : first;
    const nodes: Record<string, DiagramNodeSource> = {};
    for (const [nodeId, n] of Object.entries(drawn.nodes)) nodes[nodeId] = { uri: n.uri, range: n.range, selection: n.selection };
    const flagged = Object.keys(drawn.nodes).filter(nodeId => flaggedIds.has(drawn.nodes[nodeId].id));
    return { views, viewId: chosen.id, title: drawn.title, mermaid: drawn.mermaid, nodes, flagged, errorCount, version: params.version };
}

/** Model ids of the drawn things whose declaration holds an error or warning (the innermost one, for nested things). */
function flaggedModelIds(nodes: Record<string, { id: string; uri: string; range: Range }>, diagnostics: readonly { uri: string; diagnostics: readonly Diagnostic[] }[]): Set<string> {
    const flagged = new Set<string>();
    const drawn = Object.values(nodes);
    for (const doc of diagnostics) {
        const here = drawn.filter(n => n.uri === doc.uri);
        if (here.length === 0) continue;
        for (const d of doc.diagnostics) {
            if (d.severity !== ERROR && d.severity !== WARNING) continue;
            const inner = innermost(here, d.range.start);
            if (inner) flagged.add(inner.id);
        }
    }
    return flagged;
}

function innermost<T extends { range: Range }>(candidates: readonly T[], at: Range['start']): T | undefined {
    let best: T | undefined;
    for (const c of candidates) {
        if (contains(c.range, at) && (!best || size(c.range) < size(best.range))) best = c;
    }
    return best;
}

function contains(range: Range, at: Range['start']): boolean {
    const afterStart = at.line > range.start.line || at.line === range.start.line && at.character >= range.start.character;
    const beforeEnd = at.line < range.end.line || at.line === range.end.line && at.character <= range.end.character;
    return afterStart && beforeEnd;
}

function size(range: Range): number {
    return (range.end.line - range.start.line) * 1e6 + range.end.character - range.start.character;
}

/** The diagnostics of every document of the model that `uri` belongs to. */
function modelDiagnostics(shared: ArchwrightSharedServices, uri: string): { uri: string; diagnostics: Diagnostic[] }[] {
    const folders = shared.model.ModelFolders;
    return shared.workspace.LangiumDocuments.all
        .filter((d: LangiumDocument) => folders.sameModel(d.uri, uri))
        .map(d => ({ uri: d.uri.toString(), diagnostics: d.diagnostics ?? [] }))
        .toArray();
}

/** Answers `archwright/diagram` once the workspace is built and validated, after any pending change. */
export async function handleDiagram(shared: ArchwrightSharedServices, services: ArchwrightServices, params: DiagramParams, token?: CancellationToken): Promise<DiagramResult> {
    await shared.workspace.WorkspaceManager.ready;
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
    return shared.workspace.WorkspaceLock.read(() =>
        diagramOf(services.model.ArchModels.modelOf(params.uri), modelDiagnostics(shared, params.uri), params));
}

/** Registers the `archwright/diagram` request on the server's connection (none in tests or the command line). */
export function registerDiagramHandler(shared: ArchwrightSharedServices, services: ArchwrightServices): void {
    shared.lsp.Connection?.onRequest(DiagramRequest, (params: DiagramParams, token: CancellationToken) => handleDiagram(shared, services, params, token));
}
