import * as vscode from 'vscode';
import type { PreviewState } from '../../webview/messages.js';
import { ArchwrightPreview, type PreviewContext } from './preview-panel.js';

function isArch(document: vscode.TextDocument): boolean {
    return document.languageId === 'archwright';
}

/**
 * The one preview, as in Markdown's: it follows the active `.arch` editor, refreshes when the
 * server says the model changed or the colour theme changes, and highlights the node under the cursor.
 */
export class ArchwrightPreviewManager implements vscode.Disposable {
    private preview: ArchwrightPreview | undefined;
    private readonly disposables: vscode.Disposable[];

    constructor(private readonly context: PreviewContext) {
        this.disposables = [
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (editor && isArch(editor.document)) this.preview?.showDocument(editor.document.uri);
            }),
            vscode.window.onDidChangeTextEditorSelection(event => {
                if (isArch(event.textEditor.document)) this.preview?.cursorMoved(event.textEditor.document.uri, event.selections[0].active);
            }),
            vscode.window.onDidChangeActiveColorTheme(() => this.preview?.refresh()),
            context.client.onDidChangeModel(() => this.preview?.refresh()),
            context.client.onDidStart(() => this.preview?.refresh())
        ];
    }

    /** The open preview, if any (the export commands act on it). */
    get active(): ArchwrightPreview | undefined {
        return this.preview;
    }

    /** Shows the preview of `document` (at `viewId` when given), beside the editor or in its place. */
    open(document: vscode.Uri, options: { beside: boolean; viewId?: string }): void {
        const column = options.beside ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
        if (this.preview) {
            this.preview.showDocument(document);
            if (options.viewId) this.preview.showView(options.viewId);
            this.preview.panel.reveal(options.beside ? undefined : column, options.beside);
            return;
        }
        const panel = vscode.window.createWebviewPanel(ArchwrightPreview.viewType, 'Archwright Preview', { viewColumn: column, preserveFocus: options.beside }, {});
        this.adopt(new ArchwrightPreview(panel, this.context, document, options.viewId ?? this.context.views.get(document)));
    }

    /** Brings a preview back after a window reload, from the state its webview saved. */
    revive(panel: vscode.WebviewPanel, state: PreviewState): void {
        this.preview?.dispose();
        const uri = vscode.Uri.parse(state.documentUri);
        this.adopt(new ArchwrightPreview(panel, this.context, uri, state.viewId ?? this.context.views.get(uri)));
    }

    private adopt(preview: ArchwrightPreview): void {
        this.preview = preview;
        preview.onDidDispose(() => {
            if (this.preview === preview) this.preview = undefined;
        });
        const editor = vscode.window.activeTextEditor;
        if (editor && isArch(editor.document)) preview.cursorMoved(editor.document.uri, editor.selection.active);
    }

    dispose(): void {
        this.preview?.dispose();
        vscode.Disposable.from(...this.disposables).dispose();
    }
}
