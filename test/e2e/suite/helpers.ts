import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

// Helpers for the tests that run inside VS Code's extension host, against the workspace the harness
// prepared (a temporary copy of examples/acme-shop plus test/e2e/workspace).

export function workspaceUri(...path: string[]): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the end-to-end suite needs the prepared workspace folder open');
    return vscode.Uri.joinPath(folder.uri, ...path);
}

/** Polls `probe` until it returns something other than undefined, or fails with `what` after `timeout` ms. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeout = 20_000): Promise<T> {
    const deadline = Date.now() + timeout;
    let last: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value !== undefined) return value;
        } catch (error) {
            last = error;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

/** Writes a file of the workspace and opens it in an editor; the language server sees it at once. */
export async function openNewFile(name: string, text: string): Promise<vscode.TextEditor> {
    const uri = workspaceUri(name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document);
}

/** Closes the editors of a file and deletes it, so that the next test sees the model without it. */
export async function removeFile(name: string): Promise<void> {
    const uri = workspaceUri(name);
    const tabs = vscode.window.tabGroups.all.flatMap(group => group.tabs)
        .filter(tab => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
    // Saved first, so that closing asks nothing.
    await vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString())?.save();
    await vscode.window.tabGroups.close(tabs);
    await vscode.workspace.fs.delete(uri, { useTrash: false });
}

export async function openFile(name: string): Promise<vscode.TextEditor> {
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(name)));
}

/** The position of the `occurrence`-th (0-based) match of `text` in the document, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, text: string, occurrence = 0, offset = 0): vscode.Position {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = document.getText().indexOf(text, index + 1);
        assert.notEqual(index, -1, `"${text}" (occurrence ${occurrence}) is not in ${document.uri.path}`);
    }
    return document.positionAt(index + offset);
}

/** Diagnostics printed the house way: `line:col code message`, 1-based. */
export function printDiagnostic(diagnostic: vscode.Diagnostic): string {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${code} ${diagnostic.message}`;
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
    return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

/** Waits until the file's diagnostics satisfy `accept`, and returns them. */
export function diagnosticsOf(uri: vscode.Uri, what: string, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeout?: number): Promise<vscode.Diagnostic[]> {
    return waitFor(`diagnostics of ${uri.path.split('/').pop()}: ${what}`, () => {
        const diagnostics = vscode.languages.getDiagnostics(uri);
        return accept(diagnostics) ? diagnostics : undefined;
    }, timeout);
}

/** "file:line" of a location, relative to the workspace folder, to compare locations as text. */
export function place(location: vscode.Location | vscode.LocationLink): string {
    const uri = 'targetUri' in location ? location.targetUri : location.uri;
    const range = 'targetUri' in location ? (location.targetSelectionRange ?? location.targetRange) : location.range;
    return `${vscode.workspace.asRelativePath(uri)}:${range.start.line + 1}`;
}

/** The extension, activated: every test starts from a running language server. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
    const extension = vscode.extensions.getExtension('archwright.archwright');
    assert.ok(extension, 'the extension archwright.archwright is not loaded');
    await extension.activate();
    return extension;
}
