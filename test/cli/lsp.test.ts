import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type CompletionItem, type CompletionList,
    type Diagnostic, type Location, type LocationLink, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import { archwright, folder, ROOT } from './run-cli.js';

const MODEL = 'requirement fast "Fast"\nservice api "API" {\n  satisfies fast\n}\ndatabase db "DB"\napi -> db\n';

/** `archwright lsp --stdio` as Neovim, Helix or Zed start it: a plain LSP client over stdio. */
describe('archwright lsp --stdio', () => {
    let server: ChildProcess;
    let connection: ProtocolConnection;
    let dir: string;
    const published = new Map<string, Diagnostic[]>();
    const uri = (name: string) => pathToFileURL(join(dir, name)).toString();

    async function diagnosticsOf(name: string, until: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
        for (let waited = 0; waited < 15_000; waited += 50) {
            const current = published.get(uri(name));
            if (current && until(current)) return current;
            await new Promise(resolve => setTimeout(resolve, 50));
        }
        throw new Error(`no matching diagnostics for ${name}: ${JSON.stringify(published.get(uri(name)))}`);
    }

    beforeAll(async () => {
        dir = folder({ 'm.arch': MODEL });
        server = spawn(process.execPath, [join(ROOT, 'bin', 'archwright.js'), 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
        connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.set(p.uri, p.diagnostics));
        connection.onRequest('workspace/configuration', () => []);
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', () => null);
        connection.listen();
        const root = pathToFileURL(dir).toString();
        await connection.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'm' }], capabilities: {} });
        await connection.sendNotification('initialized', {});
    });

    afterAll(() => {
        connection?.dispose();
        if (server && server.exitCode === null) server.kill();
    });

    it('publishes diagnostics with codes as the document changes', async () => {
        await diagnosticsOf('m.arch', d => d.length === 0);
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('m.arch'), languageId: 'archwright', version: 1, text: MODEL + 'api -> dbb\n' } });
        const [unresolved] = await diagnosticsOf('m.arch', d => d.length === 1);
        expect(unresolved).toMatchObject({ code: 'unresolved-reference', range: { start: { line: 6, character: 7 } } });
        expect(unresolved.message).toMatch(/did you mean db/);
    });

    it('completes the ids of requirements after satisfies', async () => {
        const text = MODEL.replace('satisfies fast', 'satisfies ');
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('m.arch'), version: 2 }, contentChanges: [{ text }] });
        const result = await connection.sendRequest('textDocument/completion', { textDocument: { uri: uri('m.arch') }, position: { line: 2, character: 12 } }) as CompletionList | CompletionItem[];
        const labels = (Array.isArray(result) ? result : result.items).map(i => i.label);
        expect(labels).toContain('fast');
        expect(labels).not.toContain('db');
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('m.arch'), version: 3 }, contentChanges: [{ text: MODEL }] });
    });

    it('goes to the definition of a flow\'s target', async () => {
        const result = await connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('m.arch') }, position: { line: 5, character: 8 } }) as (Location | LocationLink)[];
        const where = result.map(l => 'targetUri' in l ? [l.targetUri, l.targetSelectionRange.start.line] : [l.uri, l.range.start.line]);
        expect(where).toEqual([[uri('m.arch'), 4]]);
    });

    it('exits 0 after shutdown and exit', async () => {
        await connection.sendRequest('shutdown');
        const exited = new Promise<number | null>(resolve => server.on('exit', code => resolve(code)));
        await connection.sendNotification('exit');
        expect(await exited).toBe(0);
    });
});

describe('archwright lsp without a transport', () => {
    it('says to add --stdio, exit 2, and shows its help', () => {
        const run = archwright(['lsp']);
        expect(run.stderr).toBe('archwright: say how to talk to the editor: archwright lsp --stdio\n');
        expect(run.status).toBe(2);
        expect(archwright(['lsp', '--help']).stdout).toMatch(/^Usage: archwright lsp --stdio/);
    });
});
