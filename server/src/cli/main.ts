import { parseArgs } from 'node:util';
import { collectDiagnostics, formatJson, formatText, summarize } from './check.js';
import { exportCommand } from './export.js';
import { useBundledRuleDocs } from './paths.js';
import { restage, STAGES } from './stage.js';
import { collectArchFiles, loadModel, UsageError } from './workspace.js';

const VERSION = '0.1.0';

const HELP = `archwright: architecture as code, checked from whiteboard to production

Usage:
  archwright check [PATH...] [--format text|json] [--stage STAGE]   report the model's diagnostics
  archwright export [PATH...] (--view ID | --all) [--format mermaid|markdown] [--out DIR]
                                                                    write the views as Mermaid files
  archwright --version | --help

A folder is one model (all .arch files below it); files may also be named one by one.
Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input.
`;

const CHECK_HELP = `Usage: archwright check [PATH...] [--format text|json] [--stage STAGE]

Checks the .arch files under each PATH (default: the current folder) as one model and prints
every diagnostic: syntax, references, and the readiness rules of the model's stage.

Options:
  --format text   file:line:col severity code message, then a summary line (default)
  --format json   { "diagnostics": [...], "summary": {...} }
  --stage STAGE   report the readiness rules as if the model were at STAGE
                  (whiteboard, design or production), whatever its architecture says
  -h, --help      this help

Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input.
`;

async function check(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
        args, allowPositionals: true, strict: true,
        options: { format: { type: 'string', default: 'text' }, stage: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
    });
    if (values.help) {
        process.stdout.write(CHECK_HELP);
        return 0;
    }
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not ${values.format}`);
    const stage = STAGES.find(s => s === values.stage);
    if (values.stage !== undefined && !stage) throw new UsageError(`--stage must be whiteboard, design or production, not ${values.stage}`);
    const files = collectArchFiles(positionals.length ? positionals : ['.']);
    const loaded = await loadModel(files);
    if (stage) restage(loaded, stage);
    const diagnostics = collectDiagnostics(loaded);
    const summary = summarize(diagnostics, files.length);
    process.stdout.write(values.format === 'json' ? formatJson(diagnostics, summary) : formatText(diagnostics, summary));
    return summary.errors > 0 ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
    useBundledRuleDocs();
    const [command, ...rest] = argv;
    try {
        switch (command) {
            case 'check': return await check(rest);
            case 'export': return await exportCommand(rest);
            case '--version': case '-v': process.stdout.write(`${VERSION}\n`); return 0;
            case undefined: case '--help': case '-h': case 'help': process.stdout.write(HELP); return 0;
            default: throw new UsageError(`unknown command '${command}'; run archwright --help`);
        }
    } catch (error) {
        if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
            process.stderr.write(`archwright: ${(error as Error).message}\n`);
            return 2;
        }
        throw error;
    }
}

main(process.argv.slice(2)).then(code => { process.exitCode = code; }, error => {
    process.stderr.write(`archwright: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
});
