import * as vscode from 'vscode';

// The extension's settings as one typed object, so that no other file spells a setting's name.
// Every property here is declared in package.json (contributes.configuration) with its scope;
// to add a setting, declare it there and read it in `readSettings`.

export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface ArchwrightSettings {
    trace: {
        /** `archwright.trace.server` (window): read by vscode-languageclient itself through the client id. */
        server: TraceLevel;
    };
    readiness: {
        /** `archwright.readiness.statusBar` (window): show the readiness item for .arch files. */
        statusBar: boolean;
    };
}

export const SETTINGS_SECTION = 'archwright';

export function readSettings(): ArchwrightSettings {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    return {
        trace: { server: config.get<TraceLevel>('trace.server', 'off') },
        readiness: { statusBar: config.get<boolean>('readiness.statusBar', true) }
    };
}

/** Fires `listener` with fresh settings whenever one of the extension's settings changes. */
export function onDidChangeSettings(listener: (settings: ArchwrightSettings) => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration(event => {
        if (event.affectsConfiguration(SETTINGS_SECTION)) listener(readSettings());
    });
}
