// `archwright check`: the model's diagnostics, the same the editor shows, for people (text), scripts
// (JSON) and code scanning (SARIF), with the exit code a CI gate needs.
import { parseArgs } from 'node:util';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { formatJson, formatText, summarize, summaryLine } from './report.js';
import { formatSarif } from './sarif.js';
import { restage, STAGES } from './stage.js';
import { painterFor } from './terminal.js';
import { collectArchFiles, displayPath, loadModel, UsageError, type LoadedModel } from './workspace.js';
import { inPathOrder } from '../util/arrays.js';

export const CHECK_HELP = `Usage: archwright check [PATH...] [--format text|json|sarif] [--max-warnings N] [--stage STAGE]

Checks the .arch files under each PATH (default: the current folder) as one model and prints
every diagnostic: syntax, references, and the readiness rules of the model's stage.

Options:
  --format text     file:line:col severity code message, then a summary line (default);
                    coloured on a terminal, never when NO_COLOR is set (FORCE_COLOR forces it)
  --format json     { "diagnostics": [...], "summary": {...} }; the summary line goes to stderr
  --format sarif    SARIF 2.1.0 for GitHub code scanning, one rule entry per diagnostic code;
                    the summary line goes to stderr
  --max-warnings N  also fail (exit 1) when there are more than N warnings
  --stage STAGE     report the readiness rules as if the model were at STAGE
                    (whiteboard, design or production), whatever its architecture says
  -h, --help        this help

Exit codes: 0 no errors (and no more warnings than --max-warnings), 1 errors found or too many
warnings, 2 bad usage or unreadable input.
`;

type Format = 'text' | 'json' | 'sarif';

/** Runs `archwright check ARGS`; returns the exit code. */
export async function checkCommand(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
        args, allowPositionals: true, strict: true,
        options: { format: { type: 'string', default: 'text' }, stage: { type: 'string' }, 'max-warnings': { type: 'string' }, help: { type: 'boolean', short: 'h' } }
    });
    if (values.help) {
        process.stdout.write(CHECK_HELP);
        return 0;
    }
    const format = checkFormat(values.format);
    const stage = STAGES.find(s => s === values.stage);
    if (values.stage !== undefined && !stage) throw new UsageError(`--stage must be whiteboard, design or production, not ${values.stage}`);
    const maxWarnings = values['max-warnings'] === undefined ? undefined : warningLimit(values['max-warnings']);
    const files = collectArchFiles(positionals.length ? positionals : ['.']);
    const loaded = await loadModel(files);
    if (stage) restage(loaded, stage);
    const diagnostics = collectDiagnostics(loaded);
    const summary = summarize(diagnostics, files.length, maxWarnings);
    if (format === 'text') {
        process.stdout.write(formatText(diagnostics, summary, painterFor(process.stdout)));
    } else {
        process.stdout.write(format === 'json' ? formatJson(diagnostics, summary) : formatSarif(diagnostics));
        process.stderr.write(summaryLine(summary, painterFor(process.stderr)) + '\n');
    }
    return summary.errors > 0 || summary.tooManyWarnings ? 1 : 0;
}

function checkFormat(format: string): Format {
    if (format === 'text' || format === 'json' || format === 'sarif') return format;
    throw new UsageError(`--format must be text, json or sarif, not ${format}`);
}

function warningLimit(text: string): number {
    if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings must be a whole number of 0 or more, not ${text}`);
    return Number(text);
}

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
    return out.sort((a, b) => inPathOrder(a.file, b.file) || a.line - b.line || a.column - b.column || inPathOrder(a.code, b.code));
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

