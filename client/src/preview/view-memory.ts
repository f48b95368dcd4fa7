import * as vscode from 'vscode';

const KEY = 'archwright.preview.views';

/** The view last chosen in the preview, per model (workspace folder), kept in the workspace's state. */
export class ViewMemory {
    constructor(private readonly state: vscode.Memento) {}

    get(documentUri: vscode.Uri): string | undefined {
        return this.all()[modelKey(documentUri)];
    }

    async set(documentUri: vscode.Uri, viewId: string): Promise<void> {
        await this.state.update(KEY, { ...this.all(), [modelKey(documentUri)]: viewId });
    }

    private all(): Record<string, string> {
        const value = this.state.get<unknown>(KEY);
        return typeof value === 'object' && value !== null ? value as Record<string, string> : {};
    }
}

/** Which model a document belongs to: its workspace folder (files outside every folder share one). */
export function modelKey(uri: vscode.Uri): string {
    return vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
}
