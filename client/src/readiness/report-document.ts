import * as vscode from 'vscode';
import type { ArchwrightLanguageClient } from '../language-client.js';
import { escapeMarkdown, readinessReport } from './readiness-text.js';

export const READINESS_SCHEME = 'archwright-readiness';

/**
 * The readiness report as a virtual Markdown document (`archwright-readiness:`), shown in the
 * Markdown preview so that each gap is a link to its place. The model's URI rides in the query.
 */
export class ReadinessReportProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    private readonly disposables: vscode.Disposable[];
    readonly onDidChange = this.changed.event;

    constructor(private readonly client: ArchwrightLanguageClient) {
        this.disposables = [this.changed, vscode.workspace.registerTextDocumentContentProvider(READINESS_SCHEME, this)];
    }

    /** The report of the model that `modelUri` (any of its .arch documents) belongs to. */
    static uriFor(modelUri: vscode.Uri): vscode.Uri {
        return vscode.Uri.from({ scheme: READINESS_SCHEME, path: '/Readiness report.md', query: modelUri.toString() });
    }

    async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
        try {
            const result = await this.client.readiness({ uri: uri.query }, token);
            if (!result) return '# What is missing\n\nThis version of the language server does not report readiness.\n';
            return readinessReport(result, { displayPath: u => vscode.workspace.asRelativePath(vscode.Uri.parse(u)) });
        } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            return `# What is missing\n\nThe language server could not answer: ${escapeMarkdown(reason)}\n`;
        }
    }

    /** Re-reads every open report, after the model's diagnostics changed. */
    refresh(): void {
        for (const document of vscode.workspace.textDocuments) {
            if (document.uri.scheme === READINESS_SCHEME) this.changed.fire(document.uri);
        }
    }

    dispose(): void {
        vscode.Disposable.from(...this.disposables).dispose();
    }
}
