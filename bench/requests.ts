// In-process timings of the requests an editor makes of one file after it changes: the outline,
// folding ranges, semantic tokens, code lenses, document links (bench/NOTES.md, "One big file").
// Run through bench/requests.mjs, which bundles this file:
//   node bench/requests.mjs FOLDER FILE [--times N] [--only NAME]
// Builds the folder's model as the language server does, then asks each request N times of FILE
// (a path ending, as monolith.arch) and prints each time in milliseconds and the answer's size.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { CancellationToken } from 'vscode-languageserver';
import { collectArchFiles } from '../server/src/cli/workspace.js';
import { createArchwrightServices } from '../server/src/module.js';

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { times: { type: 'string', default: '6' }, only: { type: 'string' } } });
const [folder = '.', fileName = 'monolith.arch'] = positionals;
const { shared, Archwright } = createArchwrightServices(NodeFileSystem);
const docs: LangiumDocument[] = collectArchFiles([folder]).map(file => {
    const doc = shared.workspace.LangiumDocumentFactory.fromString(readFileSync(file, 'utf8'), URI.file(file));
    shared.workspace.LangiumDocuments.addDocument(doc);
    return doc;
});
await shared.workspace.DocumentBuilder.build(docs, { validation: true });
const doc = docs.find(d => d.uri.path.endsWith(`/${fileName}`));
if (!doc) throw new Error(`no ${fileName} in ${folder}`);
console.log(`${fileName}: ${doc.textDocument.lineCount} lines`);
const params = { textDocument: { uri: doc.uri.toString() } };
const none = CancellationToken.None;
const lsp = Archwright.lsp;
const requests: [string, () => unknown][] = [
    ['documentSymbol', () => lsp.DocumentSymbolProvider?.getSymbols(doc, params, none)],
    ['foldingRange', () => lsp.FoldingRangeProvider?.getFoldingRanges(doc, params, none)],
    ['semanticTokens', () => lsp.SemanticTokenProvider?.semanticHighlight(doc, params, none)],
    ['codeLens', () => lsp.CodeLensProvider?.provideCodeLens(doc, params, none)],
    ['documentLink', () => lsp.DocumentLinkProvider?.getDocumentLinks(doc, params, none)]
];
for (const [name, ask] of requests.filter(([n]) => !options.only || n === options.only)) {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < Number(options.times); i++) {
        const start = performance.now();
        const answer = await ask() as { length?: number; data?: unknown[] } | undefined;
        times.push(performance.now() - start);
        size = answer?.length ?? answer?.data?.length ?? 0;
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`${name.padEnd(16)} median ${sorted[sorted.length >> 1].toFixed(1).padStart(7)} ms  [${times.map(t => t.toFixed(0)).join(' ')}]  ${size} items`);
}
