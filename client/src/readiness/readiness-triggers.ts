import * as vscode from 'vscode';
import type { ArchwrightLanguageClient } from '../language-client.js';

const DEBOUNCE_MS = 300;

/**
 * Calls `listener` once things settle after the readiness of the model may have changed: the
 * diagnostics of a .arch document changed, the server finished a build, or it (re)started.
 * Debounced because a build publishes diagnostics document by document.
 */
export function onReadinessMayHaveChanged(client: ArchwrightLanguageClient, listener: () => void): vscode.Disposable {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(listener, DEBOUNCE_MS);
    };
    return vscode.Disposable.from(
        vscode.languages.onDidChangeDiagnostics(event => {
            if (event.uris.some(uri => uri.path.endsWith('.arch'))) schedule();
        }),
        client.onDidChangeModel(schedule),
        client.onDidStart(schedule),
        { dispose: () => clearTimeout(timer) }
    );
}
