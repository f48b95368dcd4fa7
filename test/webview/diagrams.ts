// Diagrams for the webview tests, made by the real server code (model → views → diagram answer),
// so the page is tested with exactly what the language server would send it.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { HostMessage } from '../../client/webview/messages.js';
import { diagramOf } from '../../server/src/lsp/diagram-handler.js';
import type { DiagramResult, DiagramTheme } from '../../server/src/protocol.js';
import { loadWorkspace, type Workspace } from '../helpers.js';
import { launchChromium, PreviewServer } from './preview-page.js';

export const EXAMPLE = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

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

export { loadWorkspace };

/** For a test file: the page server, Chromium and the workspace of `text`, started before its tests and stopped after. */
export function previewSetup(text: string): { server: PreviewServer; browser: Browser; ws: Workspace } {
    const setup = {} as { server: PreviewServer; browser: Browser; ws: Workspace };
    beforeAll(async () => {
        [setup.server, setup.browser, setup.ws] = await Promise.all([PreviewServer.start(), launchChromium(), loadWorkspace(text)]);
    });
    afterAll(async () => {
        await setup.browser?.close();
        await setup.server?.close();
    });
    return setup;
}
