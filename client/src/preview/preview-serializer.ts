import * as vscode from 'vscode';
import { parsePreviewState } from '../../webview/messages.js';
import { ArchwrightPreview } from './preview-panel.js';
import type { ArchwrightPreviewManager } from './preview-manager.js';

/**
 * Reopens the preview after a window reload from the state its webview saved (document, view,
 * pan and zoom). A state that does not parse closes the panel rather than show something wrong.
 */
export class ArchwrightPreviewSerializer implements vscode.WebviewPanelSerializer {
    constructor(private readonly manager: ArchwrightPreviewManager) {}

    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        const parsed = parsePreviewState(state);
        if (!parsed) {
            panel.dispose();
            return;
        }
        this.manager.revive(panel, parsed);
    }

    /** Registers the serializer for the preview's panels. */
    static register(manager: ArchwrightPreviewManager): vscode.Disposable {
        return vscode.window.registerWebviewPanelSerializer(ArchwrightPreview.viewType, new ArchwrightPreviewSerializer(manager));
    }
}
