// The language server on one huge file, over stdio as an editor drives it: the fuzzer's
// 50,000 elements in one file (3.3 MB, 150,000 lines, 200,000 problems at stage production).
//   npm run build && node bench/huge.mjs [--elements 50000] [--edits 6]
// Prints the time to the first diagnostics, a one-character edit to its diagnostics (p50, max),
// hover, completion and formatting after the edits, and the server's peak memory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { startServer, timeEdits, timeRequests } from './lsp-driver.mjs';

const { values } = parseArgs({ options: { elements: { type: 'string', default: '50000' }, edits: { type: 'string', default: '6' } } });
const count = Number(values.elements);
// The fuzzer's own generator (test/fuzz/mutations.ts), bundled for Node.
const root = join(import.meta.dirname, '..');
const mutations = join(root, '.cache/bench-bin/mutations.mjs');
await esbuild.build({ entryPoints: [join(root, 'test/fuzz/mutations.ts')], outfile: mutations, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'warning' });
const { manyElements } = await import(pathToFileURL(mutations).href);
const folder = mkdtempSync(join(tmpdir(), 'archwright-huge-'));
const file = join(folder, 'big.arch');
writeFileSync(file, manyElements(count));

const server = await startServer({ command: process.execPath, args: [join(root, 'out', 'server', 'main.js'), '--stdio'], folder, files: [file] });
console.log(`${count} elements: first diagnostics ${(server.coldMs / 1000).toFixed(1)} s`);
// Line 8 is `service s1 "Service 1" {`: the edit types into its title and deletes it again.
const edits = await timeEdits(server, file, { line: 8, character: 18 }, Number(values.edits), { maxSettleMs: 60_000 });
const median = list => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`edit to diagnostics: p50 ${median(edits.toDiagnostics).toFixed(0)} ms, max ${Math.max(...edits.toDiagnostics).toFixed(0)} ms`);
for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/formatting']) {
    const r = await timeRequests(server, file, method, { line: 8, character: 3 }, 3);
    console.log(`${method.replace('textDocument/', '')}: p50 ${median(r.times).toFixed(0)} ms`);
}
console.log(`server peak memory ${server.peakRssMb().toFixed(0)} MB`);
await server.stop();
