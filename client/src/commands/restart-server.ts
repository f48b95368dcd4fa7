import * as vscode from 'vscode';
import type { ArchwrightLanguageClient } from '../language-client.js';

export const RESTART_SERVER = 'archwright.restartServer';

/** "Archwright: Restart Language Server": a fresh server process, for when the old one misbehaves. */
export function registerRestartServer(client: ArchwrightLanguageClient): vscode.Disposable {
    return vscode.commands.registerCommand(RESTART_SERVER, async () => {
        try {
            await client.restart();
            vscode.window.setStatusBarMessage('Archwright: language server restarted', 3000);
        } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            void vscode.window.showErrorMessage(`Archwright: the language server did not restart: ${reason}`);
        }
    });
}
