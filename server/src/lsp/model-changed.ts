import { DocumentState } from 'langium';
import type { ArchwrightSharedServices } from '../module.js';
import { ModelChangedNotification, type ModelChangedParams } from '../protocol.js';

/**
 * Sends `archwright/modelChanged` after each build that validated documents, so that the client
 * pulls what it shows (preview, status bar) instead of the server pushing diagrams nobody looks at.
 */
export function registerModelChangedNotification(shared: ArchwrightSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        const params: ModelChangedParams = { uris: documents.map(d => d.uri.toString()) };
        if (params.uris.length > 0) void connection.sendNotification(ModelChangedNotification, params);
    });
}
