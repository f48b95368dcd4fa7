// In-process profile of a build and of edits, for finding where the time goes (bench/NOTES.md).
// Run through bench/phases.mjs, which bundles this file:
//   node bench/phases.mjs FOLDER [--edits N] [--file NAME] [--profile OUT.cpuprofile]
// Prints the CPU time of each build phase of a cold build, then of N edits of one file (a title
// typed and deleted in turn), the live heap after a full GC every 5 edits, and with --profile writes
// a CPU profile of the edits only (open it in Chrome DevTools or VS Code).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { collectArchFiles } from '../server/src/cli/workspace.js';
import { createArchwrightServices } from '../server/src/module.js';

const { values: options, positionals } = parseArgs({
    allowPositionals: true,
    options: { edits: { type: 'string', default: '10' }, file: { type: 'string', default: 'monolith.arch' }, profile: { type: 'string' } }
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

const edited = docs.find(d => d.uri.path.endsWith(`/${options.file}`));
if (!edited) throw new Error(`no file named ${options.file} in ${positionals[0]}`);
const title = /"[^"\n]*"/.exec(edited.textDocument.getText())?.[0];
if (!title) throw new Error(`${options.file} has no string to edit`);
const { Session } = await import('node:inspector/promises');
const session = new Session();
if (options.profile) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
}
const times: number[] = [];
for (let i = 0; i < Number(options.edits); i++) {
    const text = edited.textDocument.getText();
    const next = i % 2 === 0 ? text.replace(title, title.slice(0, -1) + 'x"') : text.replace(title.slice(0, -1) + 'x"', title);
    shared.workspace.LangiumDocuments.deleteDocument(edited.uri);
    shared.workspace.LangiumDocuments.addDocument(shared.workspace.LangiumDocumentFactory.fromString(next, edited.uri));
    const t = cpu();
    await builder.update([edited.uri], []);
    times.push(cpu() - t);
    if (gc && i % 5 === 4) {
        gc();
        const m = process.memoryUsage();
        console.log(`after ${i + 1} edits: heap after a full GC ${(m.heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(m.rss / 2 ** 20).toFixed(0)} MB`);
    }
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`edits of ${options.file}: ${times.length}, update cpu median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`);
if (options.profile) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(options.profile, JSON.stringify(profile));
    console.log(`wrote ${options.profile}`);
}
