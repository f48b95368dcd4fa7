import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { limited } from '../../server/src/lsp/published-diagnostics.js';

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
});
