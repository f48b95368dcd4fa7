// Drives a language server over stdio the way an editor does, and times what a user waits for:
// cold start to the diagnostics of every file, a one-character edit to the edited file's new
// diagnostics, completion, definition and hover. Used for Archwright's server and for `likec4 lsp`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const now = () => performance.now();

/** Starts the server and initializes it on the folder; resolves once every expected file has diagnostics. */
export async function startServer({ command, args, folder, files, timeoutMs = 600_000 }) {
    const started = now();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr.on('data', () => {});
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Map();
    const waiters = [];
    let lastNotification = now();
    connection.onNotification('textDocument/publishDiagnostics', params => {
        lastNotification = now();
        published.set(params.uri, (published.get(params.uri) ?? 0) + 1);
        for (const w of [...waiters]) if (w.uri === params.uri) { waiters.splice(waiters.indexOf(w), 1); w.resolve(params); }
    });
    connection.onNotification(() => { lastNotification = now(); });
    connection.onRequest('workspace/configuration', params => params.items.map(() => null));
    connection.onRequest(() => null);
    connection.listen();
    const rootUri = pathToFileURL(folder).toString();
    await connection.sendRequest('initialize', {
        processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        capabilities: {
            workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: { publishDiagnostics: { relatedInformation: true }, synchronization: { dynamicRegistration: true },
                // As VS Code's client (vscode-languageclient) declares them: it takes a range shared by a list's items.
                completion: { completionItem: { snippetSupport: true }, completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } },
                hover: { contentFormat: ['markdown', 'plaintext'] } }
        }
    });
    connection.sendNotification('initialized', {});
    const expected = files.map(f => pathToFileURL(f).toString());
    const deadline = started + timeoutMs;
    while (expected.some(u => !published.has(u)) && now() < deadline) await sleep(5);
    const missing = expected.filter(u => !published.has(u)).length;
    const coldMs = now() - started;
    const server = {
        child, connection, coldMs, missing,
        /** How many diagnostics messages the server has sent so far, for every file together. */
        diagnosticsSent() {
            let n = 0;
            for (const count of published.values()) n += count;
            return n;
        },
        /** Resolves with the next diagnostics published for `uri`. */
        nextDiagnostics(uri, ms = 60_000) {
            return new Promise((resolve, reject) => {
                const w = { uri, resolve };
                waiters.push(w);
                setTimeout(() => { const i = waiters.indexOf(w); if (i >= 0) { waiters.splice(i, 1); reject(new Error(`no diagnostics for ${uri} in ${ms} ms`)); } }, ms).unref();
            });
        },
        /** Waits until the server has sent nothing for `quietMs` (at most `maxMs`). */
        async settle(quietMs = 100, maxMs = 10_000) {
            const end = now() + maxMs;
            while (now() - lastNotification < quietMs && now() < end) await sleep(10);
        },
        peakRssMb() {
            try {
                const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
                return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
            } catch { return undefined; }
        },
        async stop() {
            try {
                await Promise.race([connection.sendRequest('shutdown'), sleep(2000)]);
                connection.sendNotification('exit');
            } catch { /* already gone */ }
            await Promise.race([new Promise(r => child.once('exit', r)), sleep(2000)]);
            if (child.exitCode === null) child.kill();
            connection.dispose();
        }
    };
    return server;
}

/**
 * Opens `file`, then types one character into the string at `position` and deletes it again,
 * `count` times in all, each time timing didChange → the file's next diagnostics. Waits for the
 * server to fall quiet between edits (a typist's pause), and reports that too.
 */
export async function timeEdits(server, file, position, count, { settleMs = 100, maxSettleMs = 10_000 } = {}) {
    const uri = pathToFileURL(file).toString();
    const text = readFileSync(file, 'utf8');
    const languageId = file.endsWith('.c4') ? 'likec4' : 'archwright';
    const opened = server.nextDiagnostics(uri, 120_000).catch(() => undefined);
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await opened;
    await server.settle(settleMs, maxSettleMs);
    const toDiagnostics = [], toQuiet = [], messages = [];
    for (let i = 0; i < count; i++) {
        const insert = i % 2 === 0;
        const range = insert ? { start: position, end: position } : { start: position, end: { line: position.line, character: position.character + 1 } };
        const t = now();
        const sentBefore = server.diagnosticsSent();
        const next = server.nextDiagnostics(uri);
        server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
        await next;
        toDiagnostics.push(now() - t);
        await server.settle(settleMs, maxSettleMs);
        toQuiet.push(now() - t - settleMs);
        messages.push(server.diagnosticsSent() - sentBefore);
    }
    return { toDiagnostics, toQuiet, messages };
}

/** Times `count` requests of `method` at `position` in the (open) file. */
export async function timeRequests(server, file, method, position, count) {
    const uri = pathToFileURL(file).toString();
    const times = [];
    let last;
    for (let i = 0; i < count; i++) {
        const t = now();
        last = await server.connection.sendRequest(method, { textDocument: { uri }, position });
        times.push(now() - t);
    }
    return { times, last };
}

export function sleep(ms) {
    return new Promise(r => setTimeout(r, ms));
}
