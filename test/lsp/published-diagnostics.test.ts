import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { limited, skipRepeatedDiagnostics } from '../../server/src/lsp/published-diagnostics.js';

const at = (line: number, severity: DiagnosticSeverity): Diagnostic => ({ severity, message: `${severity} at ${line}`, range: { start: { line, character: 0 }, end: { line, character: 1 } } });

describe('published diagnostics', () => {
    it('sends every diagnostic of a file that has up to the limit', () => {
        const params = { uri: 'file:///w/a.arch', diagnostics: [at(3, DiagnosticSeverity.Warning), at(1, DiagnosticSeverity.Error)] };
        expect(limited(params, 2)).toBe(params);
    });

    it('sends the first ones past the limit, errors first, and says how many there are', () => {
        const diagnostics = [at(1, DiagnosticSeverity.Hint), at(9, DiagnosticSeverity.Error), at(2, DiagnosticSeverity.Warning), at(4, DiagnosticSeverity.Error), at(0, DiagnosticSeverity.Information)];
        const sent = limited({ uri: 'file:///w/big%20model.arch', diagnostics }, 3).diagnostics;
        expect(sent.slice(0, 3).map(d => d.message)).toEqual(['1 at 4', '1 at 9', '2 at 2']);
        expect(sent).toHaveLength(4);
        expect(sent[3]).toMatchObject({
            severity: DiagnosticSeverity.Information,
            message: 'big model.arch has 5 problems; the editor shows the first 3 (errors first). `archwright check big model.arch` lists them all.'
        });
        expect(diagnostics).toHaveLength(5);
    });

    it('sends a file\'s diagnostics again only when they changed', async () => {
        const sent: number[] = [];
        const connection = { sendDiagnostics: async (params: PublishDiagnosticsParams) => { sent.push(params.diagnostics.length); } } as unknown as Connection;
        skipRepeatedDiagnostics(connection);
        const kept = [at(1, DiagnosticSeverity.Warning)];
        await connection.sendDiagnostics({ uri: 'file:///w/a.arch', diagnostics: kept });
        // Relinked and kept: the same list, nothing new in it.
        await connection.sendDiagnostics({ uri: 'file:///w/a.arch', diagnostics: kept });
        expect(sent).toHaveLength(1);
        // Another file with the same list is another file.
        await connection.sendDiagnostics({ uri: 'file:///w/b.arch', diagnostics: kept });
        expect(sent).toHaveLength(2);
        // Added to in place: sent. A new list (the file validated anew), equal or not: sent, as always.
        kept.push(at(2, DiagnosticSeverity.Error));
        await connection.sendDiagnostics({ uri: 'file:///w/a.arch', diagnostics: kept });
        await connection.sendDiagnostics({ uri: 'file:///w/a.arch', diagnostics: kept });
        await connection.sendDiagnostics({ uri: 'file:///w/a.arch', diagnostics: [...kept] });
        await connection.sendDiagnostics({ uri: 'file:///w/a.arch', diagnostics: [] });
        await connection.sendDiagnostics({ uri: 'file:///w/a.arch', diagnostics: [] });
        expect(sent).toEqual([1, 1, 2, 2, 0, 0]);
    });
});
