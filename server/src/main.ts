import { setFlagsFromString } from 'node:v8';
import { startLanguageServer } from 'langium/lsp';
import { DocumentState } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createArchwrightServices } from './module.js';
import type { DepthLimitedParser } from './language/depth-limited-parser.js';
import { useBundledRuleDocs } from './cli/paths.js';
import { registerReadinessHandler } from './lsp/readiness-handler.js';
import { registerDiagramHandler } from './lsp/diagram-handler.js';
import { registerModelChangedNotification } from './lsp/model-changed.js';
import { watchFilesWhenTheClientCannot } from './lsp/file-watcher.js';
import { createStdioConnection } from './lsp/stdio-connection.js';
import { limitPublishedDiagnostics, skipRepeatedDiagnostics } from './lsp/published-diagnostics.js';

// The language server: over IPC when VS Code starts it, over stdio with --stdio.
// V8 lets the old generation grow to up to 4 times what survived its last full collection before
// collecting again. With every file's syntax tree alive (380 MB at L) the benchmark's cold start
// and 100 edits peaked at 975 MB of RSS, and half again (50 %) gave 750 MB with the same edit
// latency, where 25 % made edits wait on collections. Since the server keeps far less (165 MB at L:
// syntax trees of open files only, sources as numbers), a fifth is enough: the peak at L went from
// 383-400 to 328-338 MB, edit p95 from 39-46 to 43-51 ms, the cold start from 5.0-5.6 to 5.7-6.4 s
// (bench/NOTES.md). V8 reads this flag at each collection, so setting it here takes effect (the
// heap's sizes, such as --max-semi-space-size, are fixed before any code runs); `archwright lsp`
// runs this bundle too.
setFlagsFromString('--heap-growing-percent=20');
useBundledRuleDocs();
const connection = process.argv.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all);
limitPublishedDiagnostics(connection);
skipRepeatedDiagnostics(connection);
const { shared, Archwright } = createArchwrightServices({ connection, ...NodeFileSystem });
registerReadinessHandler(shared);
registerDiagramHandler(shared, Archwright);
registerModelChangedNotification(shared);
watchFilesWhenTheClientCannot(shared);
// Files without syntax errors need no Chevrotain parser (see depth-limited-parser.ts): the first
// diagnostics come without waiting for it, and it is built right after, before the first typo;
// then completion's own parser (Langium builds it on the first completion request).
const built = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
    built.dispose();
    setTimeout(() => {
        (Archwright.parser.LangiumParser as DepthLimitedParser).prepare();
        setTimeout(() => void Archwright.parser.CompletionParser, 0);
    }, 0);
});
startLanguageServer(shared);
