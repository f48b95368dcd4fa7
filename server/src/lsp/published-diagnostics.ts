import { DiagnosticSeverity, type Connection, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver';

/** The most diagnostics the editor is sent for one file. */
export const MAX_PUBLISHED_DIAGNOSTICS = 1_000;

/**
 * A generated or broken file can have hundreds of thousands of problems (50,000 elements at stage
 * production have 200,000). Sending them all took the server over a second per edit to encode,
 * tens of megabytes per message, and more than an editor can list. The editor is sent the first
 * {@link MAX_PUBLISHED_DIAGNOSTICS} of a file, errors first and then by position, and one more
 * that says how many there are and that `archwright check` lists them all. The server keeps them
 * all (for the readiness report, the command line and quick fixes).
 */
export function limitPublishedDiagnostics(connection: Connection, max = MAX_PUBLISHED_DIAGNOSTICS): void {
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params: PublishDiagnosticsParams) => send(limited(params, max));
}

/**
 * Langium publishes a file's diagnostics every time it is validated, and a file that an edit
 * merely relinks keeps its diagnostics, the very list it had (ArchwrightDocumentBuilder): at M
 * every keystroke in the 5,520-line file sent the unchanged diagnostics of twelve other files again
 * (~70 KB), for the editor to decode and redraw. Such a list is not sent again: the same list
 * object, holding the same diagnostics as when it was last sent (validation may add to a file's
 * list in place). A file validated anew gets a new list, and is sent as always, equal or not (the
 * client may take the message as the sign that its change was seen).
 */
export function skipRepeatedDiagnostics(connection: Connection): void {
    const send = connection.sendDiagnostics.bind(connection);
    const last = new Map<string, { list: readonly Diagnostic[]; items: readonly Diagnostic[] }>();
    connection.sendDiagnostics = (params: PublishDiagnosticsParams) => {
        const before = last.get(params.uri);
        const list = params.diagnostics;
        if (before?.list === list && before.items.length === list.length && list.every((d, i) => d === before.items[i])) return Promise.resolve();
        last.set(params.uri, { list, items: [...list] });
        return send(params);
    };
}

export function limited(params: PublishDiagnosticsParams, max = MAX_PUBLISHED_DIAGNOSTICS): PublishDiagnosticsParams {
    const all = params.diagnostics;
    if (all.length <= max) return params;
    const shown = [...all].sort(byImportance).slice(0, max);
    const name = decodeURIComponent(params.uri.split('/').pop() ?? params.uri);
    const note: Diagnostic = {
        severity: DiagnosticSeverity.Information,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        source: 'archwright',
        message: `${name} has ${all.length.toLocaleString('en-US')} problems; the editor shows the first ${max.toLocaleString('en-US')} (errors first). \`archwright check ${name}\` lists them all.`
    };
    return { ...params, diagnostics: [...shown, note] };
}

function byImportance(a: Diagnostic, b: Diagnostic): number {
    return (a.severity ?? DiagnosticSeverity.Error) - (b.severity ?? DiagnosticSeverity.Error)
        || a.range.start.line - b.range.start.line
        || a.range.start.character - b.range.start.character;
}
