// The text and JSON shapes of `archwright check`, and the summary line every format ends with.
import type { CliDiagnostic } from './check.js';
import type { Painter, Style } from './terminal.js';

export interface Summary {
    errors: number;
    warnings: number;
    infos: number;
    hints: number;
    files: number;
    /** `--max-warnings N`, when given. */
    maxWarnings?: number;
    /** More warnings than --max-warnings allows. */
    tooManyWarnings: boolean;
}

/** Counts per severity, and whether the warnings go over the --max-warnings limit. */
export function summarize(diagnostics: readonly CliDiagnostic[], files: number, maxWarnings?: number): Summary {
    const count = (s: CliDiagnostic['severity']) => diagnostics.filter(d => d.severity === s).length;
    const warnings = count('warning');
    return { errors: count('error'), warnings, infos: count('info'), hints: count('hint'), files, maxWarnings, tooManyWarnings: maxWarnings !== undefined && warnings > maxWarnings };
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const SEVERITY_STYLE: Record<CliDiagnostic['severity'], Style> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'dim' };

/** `2 errors, 1 warning, 0 notes in 3 files`, and what --max-warnings says when it is exceeded. */
export function summaryLine(summary: Summary, paint: Painter): string {
    const errors = plural(summary.errors, 'error');
    const warnings = plural(summary.warnings, 'warning');
    const line = `${summary.errors ? paint('red', errors) : errors}, ${summary.warnings ? paint('yellow', warnings) : warnings}, ${plural(summary.infos + summary.hints, 'note')} in ${plural(summary.files, 'file')}`;
    return summary.tooManyWarnings ? `${line}: more than the ${plural(summary.maxWarnings!, 'warning')} --max-warnings allows` : line;
}

/** One `file:line:col severity code message` line per diagnostic, then the summary line. */
export function formatText(diagnostics: readonly CliDiagnostic[], summary: Summary, paint: Painter): string {
    const lines = diagnostics.map(d => `${paint('bold', `${d.file}:${d.line}:${d.column}`)} ${paint(SEVERITY_STYLE[d.severity], d.severity)} ${paint('dim', d.code)} ${d.message}`);
    lines.push(summaryLine(summary, paint));
    return lines.join('\n') + '\n';
}

/** The conformance tool's contract: `{ diagnostics, summary }`. */
export function formatJson(diagnostics: readonly CliDiagnostic[], summary: Summary): string {
    const { maxWarnings: _limit, tooManyWarnings: _over, ...counts } = summary;
    return JSON.stringify({ diagnostics, summary: counts }, undefined, 2) + '\n';
}
