import * as vscode from 'vscode';
import { ArchwrightLanguageClient } from './language-client.js';
import { registerRestartServer } from './commands/restart-server.js';
import { registerShowReadinessReport } from './commands/show-readiness-report.js';
import { ReadinessReportProvider } from './readiness/report-document.js';
import { ReadinessStatusBar } from './readiness/status-bar.js';
import { onReadinessMayHaveChanged } from './readiness/readiness-triggers.js';
import { ArchwrightPreviewManager } from './preview/preview-manager.js';
import { ArchwrightPreviewSerializer } from './preview/preview-serializer.js';
import { ViewMemory } from './preview/view-memory.js';
import { registerOpenPreview } from './commands/open-preview.js';
import { registerOpenPreviewAtView } from './commands/open-preview-at-view.js';
import { registerExportDiagram } from './commands/export-diagram.js';

// The extension's entry point: wires the pieces together and starts the language server.

let client: ArchwrightLanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
    const output = vscode.window.createOutputChannel('Archwright', { log: true });
    client = new ArchwrightLanguageClient(context, output);
    const report = new ReadinessReportProvider(client);
    const statusBar = new ReadinessStatusBar(client);
    const previews = new ArchwrightPreviewManager({ client, extensionUri: context.extensionUri, views: new ViewMemory(context.workspaceState), output });
    context.subscriptions.push(
        output,
        report,
        statusBar,
        registerRestartServer(client),
        registerShowReadinessReport(),
        previews,
        ArchwrightPreviewSerializer.register(previews),
        registerOpenPreview(previews),
        registerOpenPreviewAtView(previews),
        registerExportDiagram(previews),
        onReadinessMayHaveChanged(client, () => {
            void statusBar.refresh();
            report.refresh();
        })
    );
    // The client reports a failed start in the output channel and offers to show it.
    client.start().catch(error => output.error('The language server did not start', error));
}

export async function deactivate(): Promise<void> {
    await client?.dispose();
    client = undefined;
}
