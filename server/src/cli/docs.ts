// `archwright docs`: the architecture as Markdown pages (server/src/docs/) written into a folder
// that GitHub or GitLab renders as it is.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDocs } from '../docs/index.js';
import { collectDiagnostics } from './check.js';
import { collectArchFiles, displayPath, loadModel, UsageError } from './workspace.js';

export const DOCS_HELP = `Usage: archwright docs [PATH...] --out DIR

Writes Markdown documentation of the model into DIR, and prints each file written:
  README.md          the overview: stage, counts, the landscape, the systems
  systems/ID.md      a page per system: its inside, each part, flows, requirements, decisions
  deployments.md     each deployment as a diagram and what runs where
  requirements.md    the traceability matrix: target, what satisfies it, open readiness gaps
  decisions.md       the decision log: status, date, affected elements, rationale
  data.md            the data inventory: which stores and flows hold each asset, encrypted or not
  readiness.md       the readiness gaps for design and for production
  views.md           every view
Diagrams are \`\`\`mermaid blocks, which GitHub and GitLab draw; links between pages are relative.

Options:
  --out DIR    the folder to write into (created if missing; files of the same names are replaced)
  -h, --help   this help

Exit codes: 0 written, 2 bad usage or unreadable input (nothing written).
`;

/** Runs `archwright docs ARGS`; returns the exit code. */
export async function docsCommand(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
        process.stdout.write(DOCS_HELP);
        return 0;
    }
    if (values.out === undefined) throw new UsageError('say where to write: archwright docs [PATH...] --out DIR');
    if (isFile(values.out)) throw new UsageError(`${values.out}: not a folder`);
    const loaded = await loadModel(collectArchFiles(positionals.length ? positionals : ['.']));
    const { model, index } = loaded.services.model.ArchModels.modelOfFolder('');
    const errors = collectDiagnostics(loaded).filter(d => d.severity === 'error').length;
    if (errors > 0) process.stderr.write(`archwright: warning: the model has ${errors} error${errors === 1 ? '' : 's'}; the docs show what could be read (run archwright check)\n`);
    const pathOf = (uri: string) => displayPath(loaded.paths.get(uri) ?? uri);
    for (const page of generateDocs(model, index, { pathOf })) {
        const path = join(values.out, page.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, page.content);
        process.stdout.write(`${displayPath(path)}\n`);
    }
    return 0;
}

function isFile(path: string): boolean {
    try {
        return !statSync(path).isDirectory();
    } catch {
        return false;
    }
}
