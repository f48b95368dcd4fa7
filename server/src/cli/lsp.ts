// `archwright lsp --stdio`: the language server for any editor. The command line loads the very
// bundle the VS Code extension runs (out/server/main.js) instead of bundling a second copy of it;
// that bundle reads `--stdio` from process.argv, as vscode-languageserver does.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './workspace.js';

export const LSP_HELP = `Usage: archwright lsp --stdio

Runs the Archwright language server, talking the Language Server Protocol over stdin and stdout:
diagnostics, completion, definition, references, hover, rename, formatting, symbols, code
actions. Point any LSP client at it; the README shows Neovim, Helix and Zed.

Options:
  --stdio      talk over stdin and stdout (the only transport offered)
  -h, --help   this help

Exit codes: 0 after the client's shutdown and exit, 2 bad usage.
`;

/** Starts the bundled language server on stdio; the promise never settles, the server exits the process. */
export async function lspCommand(args: string[]): Promise<number> {
    const { values } = parseArgs({ args, strict: true, options: { stdio: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
        process.stdout.write(LSP_HELP);
        return 0;
    }
    if (!values.stdio) throw new UsageError('say how to talk to the editor: archwright lsp --stdio');
    // A path computed at run time, so that esbuild leaves the require alone.
    const server = join(__dirname, '..', 'server', 'main.js');
    if (!existsSync(server)) throw new UsageError(`${server}: the bundled language server is missing; run npm run build`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time load of the separate server bundle, by design
    require(server);
    return new Promise<number>(() => { /* the server owns the process from here on */ });
}
