// In-process profile of a build and of edits, for finding where the time goes (bench/NOTES.md).
// Run through bench/phases.mjs, which bundles this file:
//   node bench/phases.mjs FOLDER [--edits N] [--file NAME] [--edit title|owner|id|flow] [--at TEXT] [--profile OUT.cpuprofile]
//                            [--allocations OUT.heapprofile]
// Prints the CPU time of each build phase of a cold build, then of N edits of one file (a title
// typed and deleted in turn, parsed incrementally as in the language server): the wall time of each
// phase of the edited file up to its diagnostics, the live heap after a full GC every 5 edits, and
// with --profile writes a CPU profile of the edits only (open it in Chrome DevTools or VS Code),
// with --allocations a sampling profile of what the edits allocate, collected or not.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { collectArchFiles } from '../server/src/cli/workspace.js';
import { createArchwrightServices } from '../server/src/module.js';

const { values: options, positionals } = parseArgs({
    allowPositionals: true,
    options: { edits: { type: 'string', default: '10' }, file: { type: 'string', default: 'monolith.arch' }, edit: { type: 'string', default: 'title' }, at: { type: 'string' }, profile: { type: 'string' }, allocations: { type: 'string' } }
});
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const gc = (globalThis as { gc?: () => void }).gc;
const start = cpu();
let last = start;
const mark = (what: string) => { const now = cpu(); console.log(`${what.padEnd(22)} ${(now - last).toFixed(0).padStart(6)} ms cpu`); last = now; };

const { shared, Archwright } = createArchwrightServices(NodeFileSystem);
mark('services');
void Archwright.parser.LangiumParser;
mark('parser construction');
const docs: LangiumDocument[] = collectArchFiles([positionals[0] ?? '.']).map(file => {
    const doc = shared.workspace.LangiumDocumentFactory.fromString(readFileSync(file, 'utf8'), URI.file(file));
    shared.workspace.LangiumDocuments.addDocument(doc);
    return doc;
});
mark('parse');
const builder = shared.workspace.DocumentBuilder;
const phases: [DocumentState, string][] = [[DocumentState.IndexedContent, 'index content'], [DocumentState.ComputedScopes, 'scopes'],
    [DocumentState.Linked, 'link'], [DocumentState.IndexedReferences, 'index references'], [DocumentState.Validated, 'validate']];
const listeners = phases.map(([state, name]) => builder.onBuildPhase(state, () => mark(name)));
await builder.build(docs, { validation: true });
listeners.forEach(l => l.dispose());
console.log(`cold build ${(cpu() - start).toFixed(0)} ms cpu, ${docs.length} files, ${docs.reduce((n, d) => n + (d.diagnostics?.length ?? 0), 0)} diagnostics`);
console.log(`trees made again: ${shared.workspace.CstStore.remade}`);

const edited = docs.find(d => d.uri.path.endsWith(`/${options.file}`));
if (!edited) throw new Error(`no file named ${options.file} in ${positionals[0]}`);
// `--edit title` types into the file's first string (a title, as the benchmark does; no rule reads
// it); `--edit owner` into its first owner (the rule about owners runs again); `--edit id` at the end
// of its first service's id (what every file exports changes: the references to it in other files
// break, and every rule runs again); `--edit flow` at the end of its first flow's target (the flow
// loses its target: no file's exports change, but the rules about flows run again); `--at TEXT` into the string "TEXT"
// (`--at 'Part 3 of domain 0'` where the benchmark types, inside a 280-line system at M).
const title = options.at !== undefined ? (edited.textDocument.getText().includes(`"${options.at}"`) ? `"${options.at}"` : undefined)
    : (options.edit === 'owner' ? /owner ("[^"\n]*")/ : options.edit === 'id' ? /\n\s*(service [\w-]+ )"/
        : options.edit === 'flow' ? /\n([\w-]+ -> [\w-]+ )"/ : /("[^"\n]*")/).exec(edited.textDocument.getText())?.[1];
if (!title) throw new Error(`${options.file} has no ${options.edit === 'id' ? 'service' : options.edit === 'flow' ? 'flow' : 'string'} to edit`);
const { Session } = await import('node:inspector/promises');
const session = new Session();
if (options.profile || options.allocations) session.connect();
if (options.profile) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
}
if (options.allocations) {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}
// Edits go the language server's way: the factory reads the editor's text (a stand-in for
// TextDocuments here) and parses incrementally; each phase of the edited document is timed (wall).
const texts = new Map<string, TextDocument>();
(shared.workspace.LangiumDocumentFactory as unknown as { textDocuments: { get(uri: string): TextDocument | undefined } }).textDocuments = { get: uri => texts.get(uri) };
const uri = edited.uri.toString();
const PHASES = [DocumentState.Parsed, DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated];
let marks: [string, number][] = [];
for (const state of PHASES) builder.onDocumentPhase(state, d => { if (d.uri.toString() === uri) marks.push([DocumentState[state], performance.now()]); });
const times: number[] = [];
const toDiagnostics: number[] = [];
const steps = new Map<string, number[]>();
for (let i = 0; i < Number(options.edits); i++) {
    const text = edited.textDocument.getText();
    const typed = title.slice(0, -1) + 'x' + title.slice(-1);
    const next = i % 2 === 0 ? text.replace(title, typed) : text.replace(typed, title);
    texts.set(uri, TextDocument.create(uri, 'archwright', i + 2, next));
    const t = cpu();
    marks = [['edit', performance.now()]];
    await builder.update([edited.uri], []);
    marks.push(['build done', performance.now()]);
    times.push(cpu() - t);
    toDiagnostics.push(marks.find(([name]) => name === 'Validated')![1] - marks[0][1]);
    for (let k = 1; k < marks.length; k++) {
        const step = `${marks[k - 1][0]} -> ${marks[k][0]}`;
        steps.set(step, [...steps.get(step) ?? [], marks[k][1] - marks[k - 1][1]]);
    }
    if (gc && i % 5 === 4) {
        gc();
        const m = process.memoryUsage();
        console.log(`after ${i + 1} edits: heap after a full GC ${(m.heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(m.rss / 2 ** 20).toFixed(0)} MB`);
    }
}
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? NaN;
for (const [step, values] of steps) console.log(`  ${step.padEnd(40)} p50 ${quantile(values, 0.5).toFixed(1).padStart(6)} ms, p95 ${quantile(values, 0.95).toFixed(1).padStart(6)} ms (wall)`);
console.log(`the first edits, edit to diagnostics: ${toDiagnostics.slice(0, 3).map(t => `${t.toFixed(0)} ms`).join(', ')} (the first after the cold build)`);
console.log(`edit to the edited file's diagnostics (Validated): p50 ${quantile(toDiagnostics, 0.5).toFixed(1)} ms, p95 ${quantile(toDiagnostics, 0.95).toFixed(1)} ms (wall)`);
const sorted = [...times].sort((a, b) => a - b);
console.log(`edits of ${options.file}: ${times.length}, update cpu median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`);
if (options.profile) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(options.profile, JSON.stringify(profile));
    console.log(`wrote ${options.profile}`);
}
if (options.allocations) {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    writeFileSync(options.allocations, JSON.stringify(profile));
    console.log(`wrote ${options.allocations}`);
}
