// `archwright format`: the editor's formatter (server/src/lsp/formatter.ts) over files on disk, so
// that a pre-commit hook or CI gets byte for byte the layout that "Format Document" gives.
import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { collectArchFiles, displayPath, loadModel, UsageError, type LoadedModel } from './workspace.js';
import { minOf } from '../util/arrays.js';

export const FORMAT_HELP = `Usage: archwright format [PATH...] [--check]

Rewrites the .arch files under each PATH (default: the current folder) in the one canonical
layout the editor's Format Document gives, and prints each file it changed. A file with syntax
errors is never touched: it is named on stderr instead.

Options:
  --check      change nothing; print the files that are not formatted
  -h, --help   this help

Exit codes: 0 every file is formatted (or was rewritten), 1 files left alone because of syntax
errors, or with --check files that would change, 2 bad usage or unreadable input (nothing written).
`;

/** Runs `archwright format ARGS`; returns the exit code. */
export async function formatCommand(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { check: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
        process.stdout.write(FORMAT_HELP);
        return 0;
    }
    // Every file is read (and refused if unreadable) before any is written.
    const loaded = await loadModel(collectArchFiles(positionals.length ? positionals : ['.']));
    let findings = false;
    for (const document of loaded.documents) {
        const path = loaded.paths.get(document.uri.toString())!;
        const formatted = await formatText(loaded, document);
        if (formatted === undefined) {
            const line = firstSyntaxErrorLine(document);
            process.stderr.write(`archwright: ${displayPath(path)}: not formatted: syntax error on line ${line}; run archwright check\n`);
            findings = true;
        } else if (formatted !== document.textDocument.getText()) {
            if (values.check) findings = true;
            else writeThroughRename(path, formatted);
            process.stdout.write(`${displayPath(path)}\n`);
        }
    }
    return findings ? 1 : 0;
}

/** The document in canonical layout, or undefined when syntax errors forbid formatting it. */
async function formatText(loaded: LoadedModel, document: LangiumDocument): Promise<string | undefined> {
    const { lexerErrors, parserErrors } = document.parseResult;
    if (lexerErrors.length || parserErrors.length) return undefined;
    const edits = await loaded.services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
    return TextDocument.applyEdits(document.textDocument, edits);
}

function firstSyntaxErrorLine(document: LangiumDocument): number {
    const { lexerErrors, parserErrors } = document.parseResult;
    const lines = [...lexerErrors.map(e => e.line ?? NaN), ...parserErrors.map(e => e.token.startLine ?? NaN)].filter(n => !Number.isNaN(n));
    return minOf(lines, 1);
}

/**
 * Writes a temporary file beside the real file (beside a symlink's target, so the link stays a
 * link) and renames it over the original: a crash or a full disk never leaves half a file.
 */
function writeThroughRename(path: string, text: string): void {
    const real = realpathSync(path);
    const temporary = join(dirname(real), `.${basename(real)}.${process.pid}.archwright-tmp`);
    try {
        writeFileSync(temporary, text, { flag: 'wx' });
        chmodSync(temporary, statSync(real).mode & 0o7777);
        renameSync(temporary, real);
    } catch (error) {
        try { unlinkSync(temporary); } catch { /* it was never created */ }
        throw new UsageError(`${displayPath(path)}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
}
