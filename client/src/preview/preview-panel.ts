import * as vscode from 'vscode';
import type { DiagramResult, DiagramTheme } from '../../../server/src/protocol.js';
import { isWebviewMessage, type HostMessage, type WebviewMessage } from '../../webview/messages.js';
import type { ArchwrightLanguageClient } from '../language-client.js';
import { saveImage, saveSource } from './preview-export.js';
import { newNonce, previewHtml } from './preview-html.js';
import { isModelDocument, nodeAt } from './source-map.js';
import { Throttle } from './throttle.js';
import { modelKey, type ViewMemory } from './view-memory.js';

/** What every preview needs from the extension. */
export interface PreviewContext {
    client: ArchwrightLanguageClient;
    extensionUri: vscode.Uri;
    views: ViewMemory;
    output: vscode.LogOutputChannel;
}

/** A click's reveal moves the cursor; the highlight that follows is that same node, so it is not echoed back. */
const ECHO_GUARD_MS = 500;

/**
 * One preview panel: asks the server for the diagram of its document's model (push a signal, pull
 * the picture), posts it to the webview, and acts on the webview's messages. Owns its disposables;
 * the HTML is set once, everything after is a message.
 */
export class ArchwrightPreview implements vscode.Disposable {
    static readonly viewType = 'archwright.preview';

    private readonly disposables: vscode.Disposable[] = [];
    private readonly throttle = new Throttle(() => void this.update());
    private readonly disposed = new vscode.EventEmitter<void>();
    private sequence = 0;
    private request: vscode.CancellationTokenSource | undefined;
    /** The last answer posted: what the webview shows, for reveals, highlights and exports. */
    private shown: DiagramResult | undefined;
    private lastMessage: HostMessage | undefined;
    /** The documents the webview has been told of: its messages are tagged with one of them. */
    private readonly knownDocuments = new Set<string>();
    private highlighted: string | undefined;
    private echo: { nodeId: string; until: number } | undefined;
    private isDisposed = false;

    readonly onDidDispose = this.disposed.event;

    constructor(readonly panel: vscode.WebviewPanel, private readonly context: PreviewContext, private document: vscode.Uri, private viewId: string | undefined) {
        const root = vscode.Uri.joinPath(context.extensionUri, 'out', 'webview');
        panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
        panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images', 'file-icon.svg');
        panel.webview.html = previewHtml({
            cspSource: panel.webview.cspSource,
            nonce: newNonce(),
            scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.js')).toString(),
            styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.css')).toString(),
            documentUri: document.toString()
        });
        this.knownDocuments.add(document.toString());
        this.disposables.push(
            this.disposed,
            this.throttle,
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage(message => void this.onMessage(message))
        );
        this.updateTitle();
        this.throttle.schedule();
    }

    get documentUri(): vscode.Uri {
        return this.document;
    }

    /** Follows another document; a document of another model brings that model's remembered view. */
    showDocument(uri: vscode.Uri): void {
        if (uri.toString() === this.document.toString()) return;
        const otherModel = modelKey(uri) !== modelKey(this.document);
        this.document = uri;
        if (otherModel) {
            this.viewId = this.context.views.get(uri);
            this.throttle.runNow();
        }
    }

    showView(viewId: string): void {
        this.viewId = viewId;
        this.throttle.runNow();
    }

    /** The model changed (or the theme): redraw, throttled while typing. */
    refresh(): void {
        this.throttle.schedule();
    }

    /** Highlights the node under the editor's cursor. */
    cursorMoved(uri: vscode.Uri, position: vscode.Position): void {
        if (!this.shown) return;
        const nodeId = nodeAt(this.shown.nodes, uri.toString(), position);
        if (nodeId === this.highlighted) return;
        this.highlighted = nodeId;
        if (this.echo && this.echo.nodeId === nodeId && Date.now() < this.echo.until) return;
        void this.post({ type: 'highlight', documentUri: this.document.toString(), nodeId });
    }

    /** Asks the webview for the picture (the export commands); it answers with `exported`. */
    exportImage(format: 'svg' | 'png'): void {
        void this.post({ type: 'exportImage', documentUri: this.document.toString(), format });
    }

    /** Copies the Mermaid source of the view shown, or saves it as Markdown. */
    async exportSource(format: 'mermaid' | 'markdown'): Promise<void> {
        if (!this.shown?.viewId) return;
        // Exported text is for other renderers (Markdown, wikis): drawn in the light theme.
        const light = await this.context.client.diagram({ uri: this.document.toString(), viewId: this.shown.viewId, theme: 'light' });
        await saveSource(format, light, this.document);
    }

    private async update(): Promise<void> {
        const sequence = ++this.sequence;
        this.request?.cancel();
        const request = this.request = new vscode.CancellationTokenSource();
        const uri = this.document.toString();
        const version = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri)?.version;
        let result: DiagramResult;
        try {
            result = await this.context.client.diagram({ uri, viewId: this.viewId, theme: themeKind(), version }, request.token);
        } catch (error) {
            if (sequence !== this.sequence || request.token.isCancellationRequested) return;
            this.context.output.warn('The preview could not get its diagram', error);
            await this.post({ type: 'empty', documentUri: uri, sequence, message: 'The language server did not answer. The preview will update once it runs again.' });
            return;
        } finally {
            request.dispose();
        }
        // A newer request went out meanwhile: this answer is for a superseded version.
        if (sequence !== this.sequence) return;
        this.show(result, sequence);
    }

    private show(result: DiagramResult, sequence: number): void {
        const documentUri = this.document.toString();
        this.shown = result;
        this.viewId = result.viewId ?? this.viewId;
        this.updateTitle();
        if (!result.viewId) {
            void this.post({ type: 'empty', documentUri, sequence, message: 'The model has nothing to draw yet.' });
            return;
        }
        void this.post({
            type: 'render', documentUri, sequence, viewId: result.viewId, title: result.title, views: result.views,
            mermaid: result.mermaid, nodeIds: Object.keys(result.nodes), flagged: result.flagged, errorCount: result.errorCount
        });
    }

    private sameModel(uri: string): boolean {
        return modelKey(vscode.Uri.parse(uri)) === modelKey(this.document);
    }

    private updateTitle(): void {
        const title = this.shown?.title;
        this.panel.title = title ? `Preview: ${title}` : 'Archwright Preview';
    }

    private async post(message: HostMessage): Promise<void> {
        if (message.type === 'render' || message.type === 'empty') this.lastMessage = message;
        this.knownDocuments.add(message.documentUri);
        await this.panel.webview.postMessage(message);
    }

    /** Acts only on well-formed messages about the document shown; drops everything else. */
    private async onMessage(message: unknown): Promise<void> {
        if (!isWebviewMessage(message)) return;
        if (message.type === 'ready') {
            // A reloaded webview (shown again, or after a window reload) gets the last diagram at once.
            if (this.lastMessage) await this.panel.webview.postMessage(this.lastMessage);
            return;
        }
        // The webview tags its messages with the document of the diagram it shows, which may still be
        // the previous one after the panel followed another file of the same model.
        if (!this.knownDocuments.has(message.documentUri) || !this.sameModel(message.documentUri)) return;
        try {
            await this.handle(message);
        } catch (error) {
            this.context.output.error('The preview could not do what was asked', error);
            void vscode.window.showErrorMessage(`Archwright preview: ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    private async handle(message: Exclude<WebviewMessage, { type: 'ready' }>): Promise<void> {
        switch (message.type) {
            case 'reveal': return this.reveal(message.nodeId);
            case 'selectView':
                if (!this.shown?.views.some(v => v.id === message.viewId)) return;
                await this.context.views.set(this.document, message.viewId);
                return this.showView(message.viewId);
            case 'exported': return saveImage(message.format, message.data, this.document, this.shown?.viewId);
            case 'exportSource': return this.exportSource(message.format);
            case 'renderFailed':
                this.context.output.warn(`Mermaid could not draw the view ${this.shown?.viewId ?? ''}: ${message.message}`);
        }
    }

    /** Opens the declaration of a node of the diagram shown, if it is in a document of the model. */
    private async reveal(nodeId: string): Promise<void> {
        const node = this.shown?.nodes[nodeId];
        if (!node || !Object.hasOwn(this.shown!.nodes, nodeId)) return;
        const folderOf = (u: string) => modelKey(vscode.Uri.parse(u));
        if (!isModelDocument(node.uri, this.document.toString(), folderOf)) return;
        const uri = vscode.Uri.parse(node.uri);
        const selection = new vscode.Range(node.selection.start.line, node.selection.start.character, node.selection.end.line, node.selection.end.character);
        this.echo = { nodeId, until: Date.now() + ECHO_GUARD_MS };
        this.highlighted = nodeId;
        const visible = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
        const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
        const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection, preserveFocus: false });
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    dispose(): void {
        if (this.isDisposed) return;
        this.isDisposed = true;
        this.request?.cancel();
        this.disposed.fire();
        vscode.Disposable.from(...this.disposables).dispose();
        this.disposables.length = 0;
        this.panel.dispose();
    }
}

/** VS Code's colour theme kind, as the diagrams name it. */
export function themeKind(): DiagramTheme {
    switch (vscode.window.activeColorTheme.kind) {
        case vscode.ColorThemeKind.Dark: return 'dark';
        case vscode.ColorThemeKind.HighContrast: return 'high-contrast';
        case vscode.ColorThemeKind.HighContrastLight: return 'high-contrast-light';
        default: return 'light';
    }
}
