import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DocumentSymbol, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { LspDriver } from './lsp-driver.js';
import { nested } from './mutations.js';

/**
 * What the fuzzer found, each with the smallest input that showed it, against the bundled server.
 * docs/fuzzing.md lists them with the run that found them.
 */
describe('regressions found by fuzzing', () => {
    let driver: LspDriver;
    let uri: string;

    beforeAll(async () => {
        driver = new LspDriver(mkdtempSync(join(tmpdir(), 'archwright-regressions-')), 10_000);
        await driver.initialize();
        uri = driver.uri('typed.arch');
        await driver.open(uri, '');
        await driver.waitForDiagnostics(uri, 0, 30_000);
    });

    afterAll(async () => {
        await driver?.stop();
    });

    /** Replaces the document's text and waits for its diagnostics. */
    async function type(text: string): Promise<Diagnostic[]> {
        const before = driver.publishedCount(uri);
        await driver.change(uri, text);
        const diagnostics = await driver.waitForDiagnostics(uri, before, 30_000);
        expect(diagnostics, 'diagnostics published').toBeDefined();
        return diagnostics!;
    }

    const names = (symbols: DocumentSymbol[]): string[] => symbols.flatMap(s => [s.name, ...names(s.children ?? [])]);

    it('gives an outline while a flow has no target yet (seed 1, step 1)', async () => {
        await type('person a "A"\na ->\n');
        const symbols = await driver.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        expect(names(symbols!)).toEqual(['a', 'a -> ?']);
    });

    it('names every symbol of the outline while declarations are half typed', async () => {
        for (const text of ['service', 'service "X" {', 'system s {\n  service', '-> b', 'a -> "label" {', 'view v', 'deployment {\n  node']) {
            await type(text);
            const symbols = await driver.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
            for (const name of names(symbols ?? [])) expect(name, text).toMatch(/\S/);
        }
        expect(driver.failures).toEqual([]);
    });

    it('runs the readiness rules while a rule setting or an allow has no rule id yet (seed 424242, step 16022)', async () => {
        const diagnostics = await type('architecture "A" {\n  stage design\n  rule "x"\n}\nservice s "S" {\n  allow "y"\n}\n');
        expect(diagnostics.filter(d => d.code === 'syntax-error').length).toBeGreaterThan(0);
        // The rules still ran: the design stage's finding on s is there, and nothing failed.
        expect(diagnostics.map(d => d.code)).toContain('missing-technology');
        expect(driver.failures).toEqual([]);
    });

    it('keeps the trailing spaces of a comment on the last line when formatting (seed 1, step 45)', async () => {
        const text = 'service a "A"\n// Support tooling, its  ';
        await type(text);
        const edits = await driver.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
        expect(TextDocument.applyEdits(TextDocument.create(uri, 'archwright', 1, text), edits!)).toBe(text + '\n');
    });

    it('reads 10 000 levels of nesting without dying: a syntax error where blocks get too deep (seed 7)', async () => {
        const diagnostics = await type(nested(10_000));
        expect(diagnostics.map(d => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`)).toEqual([
            '100:19 syntax-error This block is nested more than 100 levels deep; Archwright skips what is inside it. Move its parts up a level.'
        ]);
        const hover = await driver.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 99, character: 8 } });
        expect(JSON.stringify(hover?.contents)).toMatch(/s99/);
        // Deep inside the skipped part, completion answers (nothing to offer), it does not fail.
        await driver.request('textDocument/completion', { textDocument: { uri }, position: { line: 5000, character: 0 } });
        expect(driver.alive).toBe(true);
        expect(driver.failures).toEqual([]);
    });

    it('reads 100 levels of nesting, the most there may be, without complaint', async () => {
        expect(await type(nested(100))).toEqual([]);
    });

    it('serves again once the too-deep blocks are gone', async () => {
        await type(nested(10_000));
        expect(await type('person a "A"\n')).toEqual([]);
        expect(driver.failures).toEqual([]);
    });
});
