import * as vscode from 'vscode';
import { ReadinessReportProvider } from '../readiness/report-document.js';

export const SHOW_READINESS_REPORT = 'archwright.showReadinessReport';

/**
 * "Archwright: What Is Missing for the Next Stage" (also the status bar item's click): the
 * readiness report of the model of the given or active .arch file, beside the editor.
 */
export function registerShowReadinessReport(): vscode.Disposable {
    return vscode.commands.registerCommand(SHOW_READINESS_REPORT, async (resource?: vscode.Uri) => {
        const model = resource ?? activeArchDocument() ?? await anyArchFile();
        if (!model) {
            void vscode.window.showInformationMessage('Archwright: open a .arch file to see what its model is missing.');
            return;
        }
        const report = ReadinessReportProvider.uriFor(model);
        try {
            await vscode.commands.executeCommand('markdown.showPreviewToSide', report);
        } catch {
            // Without the built-in Markdown extension, the Markdown source is still readable.
            await vscode.window.showTextDocument(report, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        }
    });
}

function activeArchDocument(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'archwright' ? document.uri : undefined;
}

async function anyArchFile(): Promise<vscode.Uri | undefined> {
    const [first] = await vscode.workspace.findFiles('**/*.arch', '**/node_modules/**', 1);
    return first;
}
