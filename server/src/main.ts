import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createArchwrightServices } from './module.js';
import { useBundledRuleDocs } from './cli/paths.js';
import { registerReadinessHandler } from './lsp/readiness-handler.js';
import { registerDiagramHandler } from './lsp/diagram-handler.js';
import { registerModelChangedNotification } from './lsp/model-changed.js';
import { watchFilesWhenTheClientCannot } from './lsp/file-watcher.js';
import { limitPublishedDiagnostics } from './lsp/published-diagnostics.js';

// The language server: over IPC when VS Code starts it, over stdio with --stdio.
useBundledRuleDocs();
const connection = createConnection(ProposedFeatures.all);
limitPublishedDiagnostics(connection);
const { shared, Archwright } = createArchwrightServices({ connection, ...NodeFileSystem });
registerReadinessHandler(shared);
registerDiagramHandler(shared, Archwright);
registerModelChangedNotification(shared);
watchFilesWhenTheClientCannot(shared);
startLanguageServer(shared);
