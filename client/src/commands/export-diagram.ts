import * as vscode from 'vscode';
import type { ArchwrightPreviewManager } from '../preview/preview-manager.js';

/**
 * Exports of the diagram in the preview, also on the preview's toolbar: SVG, PNG, the Mermaid
 * source to the clipboard, and Markdown with a mermaid block.
 */
export function registerExportDiagram(manager: ArchwrightPreviewManager): vscode.Disposable {
    const withPreview = (action: (preview: NonNullable<ArchwrightPreviewManager['active']>) => unknown) => () => {
        const preview = manager.active;
        if (!preview) {
            void vscode.window.showInformationMessage('Open the Archwright preview first: the export takes the diagram it shows.');
            return;
        }
        return action(preview);
    };
    return vscode.Disposable.from(
        vscode.commands.registerCommand('archwright.exportDiagramSvg', withPreview(p => p.exportImage('svg'))),
        vscode.commands.registerCommand('archwright.exportDiagramPng', withPreview(p => p.exportImage('png'))),
        vscode.commands.registerCommand('archwright.copyDiagramMermaid', withPreview(p => p.exportSource('mermaid'))),
        vscode.commands.registerCommand('archwright.saveDiagramMarkdown', withPreview(p => p.exportSource('markdown')))
    );
}
