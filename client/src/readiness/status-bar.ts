import * as vscode from 'vscode';
import type { ArchwrightLanguageClient } from '../language-client.js';
import { onDidChangeSettings, readSettings } from '../settings.js';
import { SHOW_READINESS_REPORT } from '../commands/show-readiness-report.js';
import { statusBarText, statusBarTooltip } from './readiness-text.js';

/**
 * The status bar item for .arch editors: the model's stage and the count of gaps to the next one.
 * Hidden for other editors, when the setting turns it off, and when the server cannot answer
 * (an older server without `archwright/readiness`).
 */
export class ReadinessStatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('archwright.readiness', vscode.StatusBarAlignment.Left, 50);
    private readonly disposables: vscode.Disposable[] = [this.item];
    private enabled = readSettings().readiness.statusBar;
    private pending: vscode.CancellationTokenSource | undefined;

    constructor(private readonly client: ArchwrightLanguageClient) {
        this.item.name = 'Archwright Readiness';
        this.item.command = SHOW_READINESS_REPORT;
        this.disposables.push(
            vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
            onDidChangeSettings(settings => {
                this.enabled = settings.readiness.statusBar;
                this.refresh();
            }),
            { dispose: () => this.pending?.cancel() }
        );
        this.refresh();
    }

    /** Asks the server again for the active .arch document's model; a newer call supersedes older ones. */
    async refresh(): Promise<void> {
        this.pending?.cancel();
        const document = vscode.window.activeTextEditor?.document;
        if (!this.enabled || document?.languageId !== 'archwright' || !this.client.isRunning) {
            this.item.hide();
            return;
        }
        const pending = this.pending = new vscode.CancellationTokenSource();
        try {
            const result = await this.client.readiness({ uri: document.uri.toString() }, pending.token);
            if (pending.token.isCancellationRequested) return;
            if (!result) {
                this.item.hide();
                return;
            }
            this.item.text = `$(checklist) ${statusBarText(result)}`;
            this.item.tooltip = statusBarTooltip(result);
            this.item.show();
        } catch {
            if (!pending.token.isCancellationRequested) this.item.hide();
        } finally {
            if (this.pending === pending) this.pending = undefined;
            pending.dispose();
        }
    }

    dispose(): void {
        vscode.Disposable.from(...this.disposables).dispose();
    }
}
