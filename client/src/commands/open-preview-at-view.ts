import * as vscode from 'vscode';
import type { ArchwrightPreviewManager } from '../preview/preview-manager.js';

/**
 * The command of the server's "Open in preview" lens above each `view`: the preview beside the
 * editor at that view. Its arguments come from the server; anything else is ignored.
 */
export function registerOpenPreviewAtView(manager: ArchwrightPreviewManager): vscode.Disposable {
    return vscode.commands.registerCommand('archwright.openPreviewAtView', (uri: unknown, viewId: unknown) => {
        if (typeof uri !== 'string' || typeof viewId !== 'string') return;
        manager.open(vscode.Uri.parse(uri), { beside: true, viewId });
    });
}
