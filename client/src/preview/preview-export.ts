import * as vscode from 'vscode';
import type { DiagramResult } from '../../../server/src/protocol.js';
import { markdownOf } from './diagram-markdown.js';

// Exports of the preview's diagram: the webview draws the pictures (it has the SVG), the extension
// owns the save dialogs and the files.

/** Where a save dialog starts: beside the previewed document, named after the view. */
function defaultTarget(document: vscode.Uri, viewId: string | undefined, extension: string): vscode.Uri {
    const name = (viewId ?? 'diagram').replace(/[^\w.-]+/g, '-');
    return vscode.Uri.joinPath(document, '..', `${name}.${extension}`);
}

async function askAndWrite(defaultUri: vscode.Uri, filters: Record<string, string[]>, bytes: Uint8Array): Promise<void> {
    const target = await vscode.window.showSaveDialog({ defaultUri, filters });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(target)}`);
}

/** Saves the picture the webview sent: SVG text, or a PNG data URL (already checked to be one). */
export async function saveImage(format: 'svg' | 'png', data: string, document: vscode.Uri, viewId: string | undefined): Promise<void> {
    const bytes = format === 'svg'
        ? new TextEncoder().encode(data)
        : Buffer.from(data.slice(data.indexOf(',') + 1), 'base64');
    const filters: Record<string, string[]> = format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] };
    await askAndWrite(defaultTarget(document, viewId, format), filters, bytes);
}

/** Copies the Mermaid source to the clipboard, or saves the view as Markdown. */
export async function saveSource(format: 'mermaid' | 'markdown', diagram: DiagramResult, document: vscode.Uri): Promise<void> {
    if (format === 'mermaid') {
        await vscode.env.clipboard.writeText(diagram.mermaid);
        void vscode.window.showInformationMessage('The diagram\'s Mermaid source is on the clipboard.');
        return;
    }
    await askAndWrite(defaultTarget(document, diagram.viewId, 'md'), { Markdown: ['md'] }, new TextEncoder().encode(markdownOf(diagram)));
}
