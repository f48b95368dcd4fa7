// The `archwright` command line: one dispatch to the commands, one place that turns a usage or
// input problem into one line on stderr and exit code 2.
import { checkCommand } from './check.js';
import { docsCommand } from './docs.js';
import { exportCommand } from './export.js';
import { formatCommand } from './format.js';
import { lspCommand } from './lsp.js';
import { useBundledRuleDocs } from './paths.js';
import { buildingSnapshot, runFromSnapshot } from './snapshot.js';
import { VERSION } from './version.js';
import { prepareServices, UsageError } from './workspace.js';

const HELP = `archwright ${VERSION}: architecture as code, checked from whiteboard to production

Usage:
  archwright check [PATH...] [--format text|json|sarif] [--max-warnings N] [--stage STAGE]
                                          report the model's diagnostics
  archwright export [PATH...] (--view ID | --all) [--format mermaid|markdown|svg|png] [--out DIR]
                                          write the views as diagrams
  archwright docs [PATH...] --out DIR     write Markdown documentation of the architecture
  archwright format [PATH...] [--check]   rewrite .arch files in the canonical layout
  archwright lsp --stdio                  run the language server for any editor
  archwright --version | --help
  archwright COMMAND --help               the options of one command

A folder is one model (all .arch files below it); files may also be named one by one.
Exit codes: 0 fine, 1 findings (errors, too many warnings, files to format), 2 bad usage or
unreadable input (one line on stderr names the file and the problem; nothing is written).
`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
    check: checkCommand, export: exportCommand, docs: docsCommand, format: formatCommand, lsp: lspCommand
};

/** Runs the command line with ARGV (without node and the script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
    useBundledRuleDocs();
    const [command, ...rest] = argv;
    try {
        if (command !== undefined && Object.hasOwn(COMMANDS, command)) return await COMMANDS[command](rest);
        switch (command) {
            case '--version': case '-v': process.stdout.write(`${VERSION}\n`); return 0;
            case undefined: case '--help': case '-h': case 'help': process.stdout.write(HELP); return 0;
            default: throw new UsageError(`unknown command '${command}'; run archwright --help`);
        }
    } catch (error) {
        if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
            process.stderr.write(`archwright: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\n`);
            return 2;
        }
        throw error;
    }
}

function run(argv: string[]): void {
    // A reader that stops early (`archwright export --all --out docs | head -1`) closes the pipe:
    // the command goes on (export still writes every file) and what it would print is dropped.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', ignoreClosedPipe);
    main(argv).then(code => { process.exitCode = code; }, error => {
        process.stderr.write(`archwright: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exitCode = 2;
    });
}

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
}

if (buildingSnapshot()) {
    prepareServices();
    runFromSnapshot(run);
} else {
    run(process.argv.slice(2));
}
