import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
    type PublishDiagnosticsParams, type Diagnostic, type DocumentSymbol, type CompletionList, type CompletionItem,
    type Location, type LocationLink, type Hover, type WorkspaceEdit, type TextEdit
} from 'vscode-languageserver-protocol/node';

const ROOT = join(import.meta.dirname, '..', '..');

const SYSTEM = `architecture "Shop" {
  stage whiteboard
}

requirement fast "Fast checkout"

system shop "Shop" {
  service orders "Orders" {
    satisfies fast
  }
  database orders-db "Orders DB"
}
`;
const FLOWS = `person buyer "Buyer"

buyer -> shop.orders "orders"
orders -> orders-db "stores"
`;

// Never opened before the test that reads it: the server keeps only its AST (CstStore).
const AUDIT = `// Who did what
service audit "Audit" {
  technology "Go"
}
`;

/** The bundled language server, spawned as an editor would, talking JSON-RPC over stdio. */
describe('the language server over stdio', () => {
    let server: ChildProcess;
    let connection: ProtocolConnection;
    let folder: string;
    const diagnostics = new Map<string, Diagnostic[]>();
    const waiters = new Set<() => boolean>();
    const uri = (name: string) => pathToFileURL(join(folder, name)).toString();

    /** Resolves once the file's published diagnostics satisfy the predicate. */
    function diagnosticsOf(name: string, until: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${name}: ${JSON.stringify(diagnostics.get(uri(name)))}`)), 15_000);
            const check = () => {
                const current = diagnostics.get(uri(name));
                if (current && until(current)) {
                    clearTimeout(timer);
                    resolve(current);
                    return true;
                }
                return false;
            };
            if (!check()) waiters.add(check);
        });
    }

    beforeAll(async () => {
        folder = mkdtempSync(join(tmpdir(), 'archwright-lsp-'));
        writeFileSync(join(folder, 'system.arch'), SYSTEM);
        writeFileSync(join(folder, 'flows.arch'), FLOWS);
        writeFileSync(join(folder, 'audit.arch'), AUDIT);
        server = spawn(process.execPath, [join(ROOT, 'out', 'server', 'main.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            diagnostics.set(params.uri, params.diagnostics);
            for (const waiter of [...waiters]) if (waiter()) waiters.delete(waiter);
        });
        connection.onRequest('workspace/configuration', () => []);
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', () => null);
        connection.listen();
        const result = await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(folder).toString(),
            workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'shop' }],
            capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } }, rename: { prepareSupport: true } }, workspace: { workspaceFolders: true, configuration: true } }
        }) as { capabilities: Record<string, unknown> };
        expect(result.capabilities).toMatchObject({ completionProvider: expect.anything(), definitionProvider: true, hoverProvider: true, documentFormattingProvider: true });
        await connection.sendNotification('initialized', {});
    });

    afterAll(() => {
        // The last test shuts the server down; if an earlier failure skipped it, stop it here.
        connection?.dispose();
        if (server && server.exitCode === null) server.kill();
    });

    it('publishes diagnostics for the workspace files at startup, without opening them', async () => {
        expect(await diagnosticsOf('flows.arch', d => d.length === 0)).toEqual([]);
        expect(await diagnosticsOf('system.arch', d => d.length === 0)).toEqual([]);
    });

    it('publishes diagnostics with codes for an opened document after each change', async () => {
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('flows.arch'), languageId: 'archwright', version: 1, text: FLOWS } });
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: uri('flows.arch'), version: 2 },
            contentChanges: [{ text: FLOWS + 'orders -> ordrs-db "typo"\n' }]
        });
        const after = await diagnosticsOf('flows.arch', d => d.length === 1);
        expect(after[0]).toMatchObject({ code: 'unresolved-reference', range: { start: { line: 4, character: 10 } } });
        expect(after[0].message).toMatch(/did you mean orders-db/);
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('flows.arch'), version: 3 }, contentChanges: [{ text: FLOWS }] });
        await diagnosticsOf('flows.arch', d => d.length === 0);
    });

    it('completes only ids of the right kind', async () => {
        const text = SYSTEM.replace('satisfies fast', 'satisfies ');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('system.arch'), languageId: 'archwright', version: 1, text } });
        const result = await connection.sendRequest('textDocument/completion', { textDocument: { uri: uri('system.arch') }, position: { line: 8, character: 14 } }) as CompletionList | CompletionItem[];
        const labels = (Array.isArray(result) ? result : result.items).map(i => i.label);
        expect(labels).toContain('fast');
        expect(labels).not.toContain('orders');
        expect(labels).not.toContain('buyer');
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('system.arch'), version: 2 }, contentChanges: [{ text: SYSTEM }] });
    });

    it('goes to the definition across files, also from a segment of a dotted path', async () => {
        // Locations or LocationLinks, whichever the server answers: both are LSP.
        const where = (result: (Location | LocationLink)[]) => result.map(l => 'targetUri' in l ? [l.targetUri, l.targetSelectionRange.start.line] : [l.uri, l.range.start.line]);
        const toOrders = await connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('flows.arch') }, position: { line: 2, character: 15 } }) as Location[];
        expect(where(toOrders)).toEqual([[uri('system.arch'), 7]]);
        const toShop = await connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('flows.arch') }, position: { line: 2, character: 10 } }) as Location[];
        expect(where(toShop)).toEqual([[uri('system.arch'), 6]]);
    });

    it('answers hover with the element and its flows', async () => {
        const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('flows.arch') }, position: { line: 3, character: 2 } }) as Hover;
        const text = JSON.stringify(hover.contents);
        expect(text).toMatch(/Orders/);
        expect(text).toMatch(/orders-db/);
    });

    it('finds places in a file that is not open, and serves that file once opened', async () => {
        // The server dropped audit.arch's syntax tree after its first build: places in it come from its text, parsed again.
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('probe.arch'), languageId: 'archwright', version: 1, text: 'orders -> audit "logs"\n' } });
        await diagnosticsOf('probe.arch', d => d.length === 0);
        const definition = await connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('probe.arch') }, position: { line: 0, character: 12 } }) as LocationLink[];
        expect(definition.map(l => [l.targetUri, l.targetSelectionRange])).toEqual([[uri('audit.arch'), { start: { line: 1, character: 8 }, end: { line: 1, character: 13 } }]]);
        const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('probe.arch') }, position: { line: 0, character: 12 } }) as Hover;
        expect(JSON.stringify(hover.contents)).toMatch(/Audit/);
        const references = await connection.sendRequest('textDocument/references', { textDocument: { uri: uri('probe.arch') }, position: { line: 0, character: 12 }, context: { includeDeclaration: true } }) as Location[];
        expect(references.map(l => [l.uri, l.range.start.line, l.range.start.character]).sort()).toEqual([[uri('audit.arch'), 1, 8], [uri('probe.arch'), 0, 10]]);
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('audit.arch'), languageId: 'archwright', version: 1, text: AUDIT } });
        const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('audit.arch') } }) as DocumentSymbol[];
        expect(symbols.map(s => [s.name.split(' ')[0], s.range.start.line, s.range.end.line])).toEqual([['audit', 1, 3]]);
        const tokens = await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: uri('audit.arch') } }) as { data: number[] };
        expect(tokens.data.length).toBeGreaterThan(0);
        const folds = await connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: uri('audit.arch') } }) as { startLine: number }[];
        expect(folds.map(f => f.startLine)).toContain(1);
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('audit.arch'), version: 2 }, contentChanges: [{ text: AUDIT.replace('"Go"', '"Rust"') }] });
        const edits = await connection.sendRequest('textDocument/formatting', { textDocument: { uri: uri('audit.arch') }, options: { tabSize: 2, insertSpaces: true } }) as TextEdit[];
        expect(edits).toEqual([]);
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('audit.arch') } });
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('probe.arch') } });
        // probe.arch is not on disk: closed, it leaves the model once the server has looked for it there.
        const ordersReferences = async () => await connection.sendRequest('textDocument/references', { textDocument: { uri: uri('system.arch') }, position: { line: 7, character: 12 }, context: { includeDeclaration: true } }) as Location[];
        for (const deadline = Date.now() + 15_000; (await ordersReferences()).some(l => l.uri === uri('probe.arch'));) {
            if (Date.now() > deadline) throw new Error('probe.arch stayed in the model after it was closed');
            await new Promise(resolve => setTimeout(resolve, 20));
        }
    });

    it('renames across files', async () => {
        const edit = await connection.sendRequest('textDocument/rename', { textDocument: { uri: uri('system.arch') }, position: { line: 7, character: 12 }, newName: 'order-service' }) as WorkspaceEdit;
        const files = Object.keys(edit.changes ?? {}).concat((edit.documentChanges ?? []).map(c => ('textDocument' in c ? c.textDocument.uri : '')));
        expect(new Set(files)).toEqual(new Set([uri('system.arch'), uri('flows.arch')]));
    });

    it('formats a messy document', async () => {
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('messy.arch'), languageId: 'archwright', version: 1, text: 'service   x "X"{technology "Go"}\n' } });
        const edits = await connection.sendRequest('textDocument/formatting', { textDocument: { uri: uri('messy.arch') }, options: { tabSize: 2, insertSpaces: true } }) as TextEdit[];
        expect(edits.length).toBeGreaterThan(0);
    });

    it('gives an outline nested like the file', async () => {
        const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('system.arch') } }) as DocumentSymbol[];
        const shop = symbols.find(s => s.name.startsWith('shop'));
        expect(shop?.children?.map(c => c.name.split(' ')[0])).toEqual(['orders', 'orders-db']);
    });

    // This client, like Neovim before 0.10, cannot register file watchers: the server watches itself.
    it('notices files created, changed and deleted on disk when the client cannot watch them', async () => {
        writeFileSync(join(folder, 'extra.arch'), 'orders -> warehouse "ships"\n');
        const created = await diagnosticsOf('extra.arch', d => d.length > 0);
        expect(created.map(d => d.code)).toContain('unresolved-reference');
        writeFileSync(join(folder, 'extra.arch'), 'service warehouse "Warehouse"\norders -> warehouse "ships"\n');
        await diagnosticsOf('extra.arch', d => !d.some(x => x.code === 'unresolved-reference'));
        unlinkSync(join(folder, 'extra.arch'));
        await diagnosticsOf('extra.arch', d => d.length === 0);
        // A new directory, and one below it, created after the server started.
        mkdirSync(join(folder, 'team', 'billing'), { recursive: true });
        writeFileSync(join(folder, 'team', 'billing', 'billing.arch'), 'orders -> ledger "books"\n');
        expect((await diagnosticsOf('team/billing/billing.arch', d => d.length > 0)).map(d => d.code)).toContain('unresolved-reference');
        writeFileSync(join(folder, 'team', 'billing', 'ledger.arch'), 'database ledger "Ledger"\n');
        await diagnosticsOf('team/billing/billing.arch', d => !d.some(x => x.code === 'unresolved-reference'));
    });

    it('sends the editor at most 1,000 diagnostics of a file, and one that says how many there are', async () => {
        writeFileSync(join(folder, 'many.arch'), Array.from({ length: 1_200 }, (_, i) => `orders -> nowhere${i}\n`).join(''));
        const sent = await diagnosticsOf('many.arch', d => d.length > 0);
        expect(sent).toHaveLength(1_001);
        expect(sent.filter(d => d.code === 'unresolved-reference')).toHaveLength(1_000);
        expect(sent[1_000].message).toBe('many.arch has 1,200 problems; the editor shows the first 1,000 (errors first). `archwright check many.arch` lists them all.');
        unlinkSync(join(folder, 'many.arch'));
        await diagnosticsOf('many.arch', d => d.length === 0);
    });

    it('shuts down when asked', async () => {
        await connection.sendRequest('shutdown');
        const exited = new Promise<number | null>(resolve => server.on('exit', code => resolve(code)));
        await connection.sendNotification('exit');
        expect(await exited).toBe(0);
    });
});
