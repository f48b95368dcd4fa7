import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { displayPath, type LoadedModel } from './workspace.js';

export interface CliDiagnostic {
    file: string;
    /** 1-based. */
    line: number;
    /** 1-based. */
    column: number;
    endLine: number;
    endColumn: number;
    severity: 'error' | 'warning' | 'info' | 'hint';
    code: string;
    message: string;
    related?: { file: string; line: number; column: number; message: string }[];
}

const SEVERITY_NAMES = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' } as const;

/** The loaded model's diagnostics in file, line and column order, in the command line's shape. */
export function collectDiagnostics(loaded: LoadedModel): CliDiagnostic[] {
    const pathOf = (uri: string) => displayPath(loaded.paths.get(uri) ?? uri);
    const out: CliDiagnostic[] = [];
    for (const doc of loaded.documents) {
        const file = pathOf(doc.uri.toString());
        for (const d of doc.diagnostics ?? []) out.push(convert(d, file, pathOf));
    }
    return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

function convert(d: Diagnostic, file: string, pathOf: (uri: string) => string): CliDiagnostic {
    return {
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error],
        code: String(d.code ?? 'unknown'),
        message: typeof d.message === 'string' ? d.message : d.message.value,
        related: d.relatedInformation?.map(r => ({ file: pathOf(r.location.uri), line: r.location.range.start.line + 1, column: r.location.range.start.character + 1, message: r.message }))
    };
}

export interface Summary { errors: number; warnings: number; infos: number; hints: number; files: number }

export function summarize(diagnostics: readonly CliDiagnostic[], files: number): Summary {
    const count = (s: CliDiagnostic['severity']) => diagnostics.filter(d => d.severity === s).length;
    return { errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint'), files };
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatText(diagnostics: readonly CliDiagnostic[], summary: Summary): string {
    const lines = diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
    lines.push(`${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos + summary.hints, 'note')} in ${plural(summary.files, 'file')}`);
    return lines.join('\n') + '\n';
}

export function formatJson(diagnostics: readonly CliDiagnostic[], summary: Summary): string {
    return JSON.stringify({ diagnostics, summary }, undefined, 2) + '\n';
}
