import * as vscode from 'vscode';
import type { ArchwrightPreviewManager } from '../preview/preview-manager.js';

/** The `.arch` document a command is about: the one it was invoked on (title bar, explorer), else the active editor's. */
export function archDocument(resource: unknown): vscode.Uri | undefined {
    if (resource instanceof vscode.Uri) return resource;
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'archwright' ? editor.document.uri : undefined;
}

/**
 * "Archwright: Open Preview" (Ctrl+Shift+V, in the editor's place) and "Open Preview to the Side"
 * (Ctrl+K V and the editor title button), as Markdown's preview opens.
 */
export function registerOpenPreview(manager: ArchwrightPreviewManager): vscode.Disposable {
    const open = (beside: boolean) => (resource?: unknown) => {
        const document = archDocument(resource);
        if (!document) {
            void vscode.window.showInformationMessage('Open a .arch file to preview its model.');
            return;
        }
        manager.open(document, { beside });
    };
    return vscode.Disposable.from(
        vscode.commands.registerCommand('archwright.openPreview', open(false)),
        vscode.commands.registerCommand('archwright.openPreviewToSide', open(true))
    );
}
