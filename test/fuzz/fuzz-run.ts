import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCodes } from 'vscode-languageserver-protocol';
import type { CodeAction, Command, Diagnostic, DocumentSymbol, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspDriver, type Failure, type Timing } from './lsp-driver.js';
import { HUGE_INPUTS, loadFixtures, mutate, Random } from './mutations.js';
import { parses, tokenStream } from './local-parser.js';

/**
 * One fuzzing run: mutates the fixtures and feeds each result to the bundled server as an edit of
 * one open document, asking along the way for diagnostics, completion, hover, definition, symbols,
 * formatting, code actions and rename, and checking what comes back:
 * - every request answered within the driver's timeout, no error response, no crash, no error log;
 * - diagnostics published after every change;
 * - formatting keeps every token and comment and is idempotent; a file with syntax errors gets no edits;
 * - every quick fix and rename of a file that parses leaves a file that parses.
 */

export interface FuzzOptions {
    seed: number;
    mutations: number;
    /** Which of the huge inputs (1 MB line, 10 000 levels, 50 000 elements...) to feed, once each. */
    huge: readonly (keyof typeof HUGE_INPUTS)[];
    /** How long the server may take to publish diagnostics after a change of an ordinary size. */
    buildTimeout?: number;
    log?: (line: string) => void;
    /** Where to write the input of each failure (the long run); nothing is written without it. */
    failuresDir?: string;
}

export interface FoundFailure extends Failure {
    step: number;
    mutation: string;
    input: string;
}

export interface FuzzReport {
    seed: number;
    mutations: number;
    requests: number;
    elapsedMs: number;
    maxLatency?: Timing;
    maxBuildMs: number;
    /** Per huge input: how long its diagnostics took, and its slowest request (not in maxLatency). */
    hugeInputs: Record<string, { diagnosticsMs: number; slowestRequest: string; slowestMs: number }>;
    formatChecks: number;
    fixChecks: number;
    renameChecks: number;
    restarts: number;
    failures: FoundFailure[];
}

const OTHER_FILE = 'other.arch';
const FUZZED_FILE = 'fuzzed.arch';
const MAX_TEXT = 200_000;
/**
 * The huge inputs must be served (no crash, diagnostics published, every request answered) but
 * not within the 2 s of ordinary edits: their times are reported, see docs/fuzzing.md.
 */
const HUGE_TIMEOUT = 120_000;

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
    const random = new Random(options.seed);
    const fixtures = loadFixtures();
    const folder = mkdtempSync(join(tmpdir(), 'archwright-fuzz-'));
    const scratchFolder = mkdtempSync(join(tmpdir(), 'archwright-fuzz-scratch-'));
    // A second file of the same model, so that references and duplicates cross files.
    writeFileSync(join(folder, OTHER_FILE), fixtures[3]);
    const report: FuzzReport = {
        seed: options.seed, mutations: 0, requests: 0, elapsedMs: 0, maxBuildMs: 0, hugeInputs: {},
        formatChecks: 0, fixChecks: 0, renameChecks: 0, restarts: 0, failures: []
    };
    const started = performance.now();
    const buildTimeout = options.buildTimeout ?? 2_000;
    let driver = await startDriver(folder);
    let text = random.pick(fixtures);
    let step = 0;

    const found = (failure: Failure, mutation: string, input: string) => {
        report.failures.push({ ...failure, step, mutation, input });
        options.log?.(`step ${step} (${mutation}): ${failure.kind}: ${failure.detail.split('\n')[0]}`);
        if (options.failuresDir) {
            mkdirSync(options.failuresDir, { recursive: true });
            writeFileSync(join(options.failuresDir, `step-${step}.arch`), input);
        }
    };

    const hugeAt = new Map<number, keyof typeof HUGE_INPUTS>();
    options.huge.forEach((name, i) => hugeAt.set(Math.floor(((i + 1) * options.mutations) / (options.huge.length + 1)), name));

    try {
        for (step = 0; step < options.mutations; step++) {
            const huge = hugeAt.get(step);
            let mutation: string;
            if (huge) {
                mutation = huge;
                text = HUGE_INPUTS[huge]();
            } else {
                if (text.length > MAX_TEXT || random.int(3) === 0) text = random.pick(fixtures);
                const result = mutate(text, random, fixtures);
                mutation = result.name;
                text = result.text;
            }
            const seen = driver.failures.length;
            const timings = driver.timings.length;
            const ms = await exercise(driver, text, random, huge ? HUGE_TIMEOUT : buildTimeout, huge ? HUGE_TIMEOUT : driver.requestTimeout, scratchFolder, report, !huge);
            if (huge) {
                const hugeTimings = driver.timings.splice(timings);
                report.requests += hugeTimings.length;
                const slowest = hugeTimings.reduce((max, t) => (t.ms > max.ms ? t : max), { method: '', ms: 0 });
                report.hugeInputs[huge] = { diagnosticsMs: Math.round(ms), slowestRequest: slowest.method, slowestMs: Math.round(slowest.ms) };
            }
            else report.maxBuildMs = Math.max(report.maxBuildMs, ms);
            report.mutations++;
            for (const failure of driver.failures.slice(seen)) found(failure, mutation, text);
            if (!driver.alive) {
                // A crash is recorded; a long run goes on with a fresh server.
                report.restarts++;
                report.requests += driver.timings.length;
                await driver.stop();
                driver = await startDriver(folder);
                text = random.pick(fixtures);
            }
            if (huge) text = random.pick(fixtures);
            if (step % 100 === 99) options.log?.(`${step + 1} mutations, ${report.failures.length} failures, ${Math.round((performance.now() - started) / 1000)} s`);
        }
    } finally {
        report.requests += driver.timings.length;
        const max = driver.maxLatency();
        if (max && (!report.maxLatency || max.ms > report.maxLatency.ms)) report.maxLatency = max;
        const seen = driver.failures.length;
        await driver.stop();
        for (const failure of driver.failures.slice(seen)) found(failure, 'shutdown', '');
        report.elapsedMs = Math.round(performance.now() - started);
        rmSync(folder, { recursive: true, force: true });
        rmSync(scratchFolder, { recursive: true, force: true });
    }
    return report;
}

async function startDriver(folder: string): Promise<LspDriver> {
    const driver = new LspDriver(folder);
    await driver.initialize();
    await driver.waitForDiagnostics(driver.uri(OTHER_FILE), 0, 30_000);
    await driver.open(driver.uri(FUZZED_FILE), '');
    await driver.waitForDiagnostics(driver.uri(FUZZED_FILE), 0, 30_000);
    return driver;
}

/** Feeds one text and asks every question once. Returns how long the diagnostics took. */
async function exercise(driver: LspDriver, text: string, random: Random, buildTimeout: number, timeout: number, scratchFolder: string, report: FuzzReport, check: boolean): Promise<number> {
    const uri = driver.uri(FUZZED_FILE);
    const document = TextDocument.create(uri, 'archwright', 1, text);
    const before = driver.publishedCount(uri);
    const started = performance.now();
    await driver.change(uri, text);
    const diagnostics = await driver.waitForDiagnostics(uri, before, buildTimeout);
    const buildMs = performance.now() - started;
    if (!driver.alive) return buildMs;
    if (!diagnostics) {
        driver.fail('no-diagnostics', `no diagnostics published within ${buildTimeout} ms of the change`);
        // Let the build finish before asking anything else, so that one slow build is one failure.
        await driver.waitForDiagnostics(uri, before, HUGE_TIMEOUT);
    }
    const at = () => document.positionAt(random.int(text.length + 1));
    const textDocument = { textDocument: { uri } };
    await driver.request('textDocument/completion', { ...textDocument, position: at() }, timeout);
    await driver.request('textDocument/hover', { ...textDocument, position: at() }, timeout);
    await driver.request('textDocument/definition', { ...textDocument, position: at() }, timeout);
    checkSymbols(driver, await driver.request<DocumentSymbol[] | null>('textDocument/documentSymbol', textDocument, timeout));
    const formatting = await driver.request<TextEdit[] | null>('textDocument/formatting', { ...textDocument, options: { tabSize: 4, insertSpaces: true } }, timeout);
    await driver.request('textDocument/codeAction', { ...textDocument, range: { start: at(), end: at() }, context: { diagnostics: [] } }, timeout);
    if (!check || !driver.alive) return buildMs;

    const parsed = parses(text);
    if (!parsed && formatting && formatting.length > 0) {
        driver.fail('check', `formatting changed a file with syntax errors (${formatting.length} edits)`);
    }
    if (parsed && formatting) {
        report.formatChecks++;
        await checkFormatting(driver, text, formatting, scratchFolder);
    }
    if (parsed) {
        report.fixChecks += await checkQuickFixes(driver, document, diagnostics ?? []);
        report.renameChecks += await checkRename(driver, document, random);
    }
    return buildMs;
}

/** VS Code refuses an outline with an empty name, or a selection outside its symbol's range. */
function checkSymbols(driver: LspDriver, symbols: DocumentSymbol[] | null | undefined): void {
    for (const symbol of symbols ?? []) {
        if (typeof symbol.name !== 'string' || symbol.name.trim() === '') driver.fail('check', `a document symbol without a name: ${JSON.stringify(symbol).slice(0, 300)}`);
        if (!contains(symbol.range, symbol.selectionRange)) driver.fail('check', `a document symbol's selection is outside its range: ${JSON.stringify(symbol).slice(0, 300)}`);
        checkSymbols(driver, symbol.children);
    }
}

function contains(outer: Range, inner: Range): boolean {
    const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Formatting keeps every token and comment, and formatting the result changes nothing. */
async function checkFormatting(driver: LspDriver, text: string, edits: TextEdit[], scratchFolder: string): Promise<void> {
    const formatted = TextDocument.applyEdits(TextDocument.create('file:///x', 'archwright', 1, text), edits);
    const before = tokenStream(text);
    const after = tokenStream(formatted);
    if (before.join('\n') !== after.join('\n')) {
        const i = before.findIndex((t, n) => t !== after[n]);
        driver.fail('check', `formatting changed the tokens: token ${i} was ${JSON.stringify(before[i])}, is ${JSON.stringify(after[i])}`);
        return;
    }
    // Outside the workspace folder, so that it is a model of its own.
    const scratch = pathToFileURL(join(scratchFolder, 'scratch.arch')).toString();
    await driver.open(scratch, formatted);
    const again = await driver.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri: scratch }, options: { tabSize: 2, insertSpaces: true } });
    await driver.close(scratch);
    if (again && again.length > 0) {
        const reformatted = TextDocument.applyEdits(TextDocument.create('file:///x', 'archwright', 1, formatted), again);
        if (reformatted !== formatted) driver.fail('check', `formatting is not idempotent: a second pass changed ${JSON.stringify(firstDifference(formatted, reformatted))}`);
    }
}

function firstDifference(a: string, b: string): string {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return `${a.slice(Math.max(0, i - 30), i + 30)} → ${b.slice(Math.max(0, i - 30), i + 30)}`;
}

/** Every quick fix offered for a diagnostic leaves a file that parses. Returns how many were checked. */
async function checkQuickFixes(driver: LspDriver, document: TextDocument, diagnostics: Diagnostic[]): Promise<number> {
    let checked = 0;
    for (const diagnostic of diagnostics.filter(d => d.code !== 'syntax-error').slice(0, 4)) {
        const actions = await driver.request<(CodeAction | Command)[] | null>('textDocument/codeAction', {
            textDocument: { uri: document.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] }
        });
        for (const action of actions ?? []) {
            if (!('edit' in action) || !action.edit) continue;
            const after = applyWorkspaceEdit(document, action.edit);
            checked++;
            if (after !== undefined && !parses(after)) driver.fail('check', `the quick fix "${action.title}" for ${diagnostic.code} left a file that does not parse`);
        }
    }
    return checked;
}

/** A rename of an id leaves a file that parses. Returns 1 when a rename was checked. */
async function checkRename(driver: LspDriver, document: TextDocument, random: Random): Promise<number> {
    const ids = [...document.getText().matchAll(/[A-Za-z_][A-Za-z0-9_-]*/g)];
    if (ids.length === 0) return 0;
    const id = random.pick(ids);
    const position: Position = document.positionAt(id.index! + 1);
    const params = { textDocument: { uri: document.uri }, position };
    const prepared = await driver.request('textDocument/prepareRename', params);
    if (!prepared) return 0;
    const newName = random.pick(['renamed', 'data', 'x2', 'a-b-c', 'production']);
    // A taken id is refused with InvalidParams and a message the editor shows: that is an answer.
    const edit = await driver.request<WorkspaceEdit | null>('textDocument/rename', { ...params, newName }, undefined, [ErrorCodes.InvalidParams]);
    if (!edit) return 0;
    const after = applyWorkspaceEdit(document, edit);
    if (after !== undefined && !parses(after)) driver.fail('check', `renaming ${id[0]} to ${newName} left a file that does not parse`);
    return 1;
}

function applyWorkspaceEdit(document: TextDocument, edit: WorkspaceEdit): string | undefined {
    const edits = edit.changes?.[document.uri] ?? edit.documentChanges?.flatMap(c => ('textDocument' in c && c.textDocument.uri === document.uri ? c.edits : [])) ?? [];
    return edits.length ? TextDocument.applyEdits(document, edits as TextEdit[]) : undefined;
}
