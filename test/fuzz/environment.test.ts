import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { LspDriver } from './lsp-driver.js';

const GOOD = 'service orders "Orders"\n';
const show = (diagnostics: Diagnostic[] | undefined) => diagnostics?.map(d => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);

/** The bundled server when the files under it misbehave: it keeps serving and says what it cannot read. */
describe('the language server when the environment misbehaves', () => {
    let folder: string;
    let driver: LspDriver;

    beforeAll(async () => {
        folder = mkdtempSync(join(tmpdir(), 'archwright-environment-'));
        writeFileSync(join(folder, 'good.arch'), GOOD);
        writeFileSync(join(folder, 'binary.arch'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x00, 0x01, 0xff]));
        writeFileSync(join(folder, 'latin1.arch'), Buffer.from('service caf\xe9 "Caf\xe9"\n', 'latin1'));
        symlinkSync(join(folder, 'loop-b.arch'), join(folder, 'loop-a.arch'));
        symlinkSync(join(folder, 'loop-a.arch'), join(folder, 'loop-b.arch'));
        mkdirSync(join(folder, 'nested'));
        symlinkSync(folder, join(folder, 'nested', 'up'));
        driver = new LspDriver(folder, 10_000);
        await driver.initialize();
    });

    afterAll(async () => {
        await driver?.stop();
        rmSync(folder, { recursive: true, force: true });
    });

    it('says on a binary file and on a file that is not UTF-8 that it cannot read them, and serves the rest', async () => {
        expect(show(await driver.waitForDiagnostics(driver.uri('good.arch'), 0, 30_000))).toEqual([]);
        expect(show(await driver.waitForDiagnostics(driver.uri('binary.arch'), 0, 30_000))).toEqual([
            '0:0 syntax-error binary.arch is a binary file, not an Archwright model: Archwright cannot read it and treats it as empty.'
        ]);
        expect(show(await driver.waitForDiagnostics(driver.uri('latin1.arch'), 0, 30_000))).toEqual([
            '0:0 syntax-error latin1.arch is not UTF-8 text; save it as UTF-8: Archwright cannot read it and treats it as empty.'
        ]);
        // Named in the log too, as a warning (an error log would be the server's own failure).
        expect(driver.messages.filter(m => m.type === 2).map(m => m.message).join('\n')).toMatch(/binary\.arch is a binary file/);
        expect(driver.failures).toEqual([]);
    });

    it('is not trapped by symbolic link loops (it does not follow links while looking for files)', async () => {
        const symbols = await driver.request('workspace/symbol', { query: 'orders' }) as { name: string }[];
        expect(symbols.map(s => s.name)).toEqual(['orders']);
        expect(driver.alive).toBe(true);
    });

    it('reads a fixed file again once it changes on disk', async () => {
        const uri = driver.uri('binary.arch');
        const before = driver.publishedCount(uri);
        writeFileSync(join(folder, 'binary.arch'), 'database orders-db "Orders DB"\n');
        await driver.filesChanged([{ uri, type: 2 }]);
        expect(show(await driver.waitForDiagnostics(uri, before, 10_000))).toEqual([]);
    });

    it('keeps serving an open file deleted on disk, from the editor\'s text, until it is closed', async () => {
        const uri = driver.uri('good.arch');
        await driver.open(uri, GOOD);
        rmSync(join(folder, 'good.arch'));
        let before = driver.publishedCount(uri);
        await driver.filesChanged([{ uri, type: 3 }]);
        expect(show(await driver.waitForDiagnostics(uri, before, 10_000))).toEqual([]);
        const symbols = await driver.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        expect(symbols?.map(s => s.name)).toEqual(['orders']);
        before = driver.publishedCount(uri);
        await driver.change(uri, GOOD + 'orders -> nowhere\n');
        expect(show(await driver.waitForDiagnostics(uri, before, 10_000))).toEqual([expect.stringMatching(/^1:10 unresolved-reference/)]);
        // Closed, the file is gone from the model: its diagnostics are cleared.
        before = driver.publishedCount(uri);
        await driver.close(uri);
        expect(await driver.waitForDiagnostics(uri, before, 10_000)).toEqual([]);
        const remaining = await driver.request('workspace/symbol', { query: 'orders' }) as { name: string }[];
        expect(remaining.map(s => s.name)).toEqual(['orders-db']);
    });

    it('prefers the editor\'s text over a change on disk while the file is open', async () => {
        const uri = driver.uri('latin1.arch');
        await driver.open(uri, 'service cafe "Cafe"\n');
        writeFileSync(join(folder, 'latin1.arch'), Buffer.from([0, 1, 2]));
        const before = driver.publishedCount(uri);
        await driver.filesChanged([{ uri, type: 2 }]);
        expect(show(await driver.waitForDiagnostics(uri, before, 10_000))).toEqual([]);
        expect(driver.failures).toEqual([]);
    });
});

describe('the language server with an empty workspace', () => {
    it('starts on a folder without .arch files and serves a file opened later', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'archwright-empty-'));
        const driver = new LspDriver(folder, 10_000);
        try {
            await driver.initialize();
            const uri = driver.uri('new.arch');
            await driver.open(uri, 'person p "P"\np -> q\n');
            expect(show(await driver.waitForDiagnostics(uri, 0, 30_000))).toEqual([expect.stringMatching(/^1:5 unresolved-reference/)]);
            expect(driver.failures).toEqual([]);
        } finally {
            await driver.stop();
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
