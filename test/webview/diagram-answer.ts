// The server's answer for a view and the render message the panel makes of it, without vitest, so
// that the preview benchmark (bench/preview-measure.ts) posts exactly what the webview tests post.
import type { HostMessage } from '../../client/webview/messages.js';
import { diagramOf } from '../../server/src/lsp/diagram-handler.js';
import type { DiagramResult, DiagramTheme } from '../../server/src/protocol.js';
import type { Workspace } from '../helpers.js';

/** The server's answer for one view of a workspace. */
export function diagram(ws: Workspace, viewId: string | undefined, theme: DiagramTheme = 'light'): DiagramResult {
    const diagnostics = ws.documents.map(d => ({ uri: d.uri.toString(), diagnostics: ws.current(d.uri.path.slice(1).split('/').pop()!).diagnostics ?? [] }));
    return diagramOf(ws.model(), diagnostics, { uri: ws.documents[0].uri.toString(), viewId, theme });
}

/** The fields of a `render` message, as the panel makes them from the server's answer. */
export function renderFields(result: DiagramResult): Omit<Extract<HostMessage, { type: 'render' }>, 'type' | 'sequence' | 'documentUri'> {
    return {
        viewId: result.viewId ?? '', title: result.title, views: result.views, mermaid: result.mermaid,
        nodeIds: Object.keys(result.nodes), flagged: result.flagged, errorCount: result.errorCount
    };
}
