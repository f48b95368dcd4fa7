// `archwright export`: the model's views as files, drawn by the same view functions as the preview,
// so a diagram in a pull request or a wiki is the one the editor shows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listViews, PREVIEW_THEMES, renderView, type PreviewTheme, type RenderedView } from '../views/index.js';
import { collectDiagnostics } from './check.js';
import { renderImages } from './render-images.js';
import { collectArchFiles, displayPath, loadModel, UsageError } from './workspace.js';

export const EXPORT_HELP = `Usage: archwright export [PATH...] (--view ID | --all) [--format mermaid|markdown|svg|png] [--out DIR]

Writes the model's views as diagrams, one file per view, and prints each file written.
When the model declares no view, its automatic views are exported (landscape, of-SYSTEM,
deployment-DEPLOYMENT, requirements).

Options:
  --view ID           the view to export
  --all               every view
  --format mermaid    ID.mmd: Mermaid text (default)
  --format markdown   ID.md: the view's title and a \`\`\`mermaid block
  --format svg        ID.svg: the picture the preview draws and exports, rendered in a headless
                      Chromium (/usr/bin/chromium, chromium-browser, google-chrome, or CHROME_PATH)
                      with the npm package playwright-core
  --format png        ID.png: the same at twice the size
  --out DIR           the folder to write into (default: the current folder)
  --theme THEME       light (default), dark, high-contrast or high-contrast-light
  -h, --help          this help

Exit codes: 0 written, 2 bad usage, unknown view, unreadable input, or no Chromium for svg and png
(nothing is written then).
`;

type Format = 'mermaid' | 'markdown' | 'svg' | 'png';

const EXTENSIONS: Record<Format, string> = { mermaid: 'mmd', markdown: 'md', svg: 'svg', png: 'png' };

interface ExportOptions { viewId?: string; all: boolean; format: Format; out: string; theme: PreviewTheme; paths: string[] }

/** Runs `archwright export ARGS`; returns the exit code. */
export async function exportCommand(args: string[]): Promise<number> {
    const options = parseExportArgs(args);
    if (!options) {
        process.stdout.write(EXPORT_HELP);
        return 0;
    }
    const loaded = await loadModel(collectArchFiles(options.paths));
    const { model, index } = loaded.services.model.ArchModels.modelOfFolder('');
    const ids = options.all ? listViews(model).map(v => v.id) : [options.viewId!];
    const views = ids.map(id => renderView(model, index, id, { theme: options.theme }) ?? unknownView(id, listViews(model).map(v => v.id)));
    const errors = collectDiagnostics(loaded).filter(d => d.severity === 'error').length;
    if (errors > 0) process.stderr.write(`archwright: warning: the model has ${errors} error${errors === 1 ? '' : 's'}; the views show what could be read (run archwright check)\n`);
    // Every file is ready before the first is written: a failed rendering writes nothing.
    const contents = options.format === 'svg' || options.format === 'png'
        ? await renderImages(views, options.format, options.theme)
        : views.map(view => options.format === 'markdown' ? markdown(view) : view.mermaid);
    mkdirSync(options.out, { recursive: true });
    for (const [i, view] of views.entries()) {
        const path = join(options.out, `${fileName(view.id)}.${EXTENSIONS[options.format]}`);
        writeFileSync(path, contents[i]);
        process.stdout.write(`${displayPath(path)}\n`);
    }
    return 0;
}

/** The options, or undefined for --help. Every misuse is a UsageError (exit 2). */
function parseExportArgs(args: string[]): ExportOptions | undefined {
    const { values, positionals } = parseArgs({
        args, allowPositionals: true, strict: true,
        options: {
            view: { type: 'string' }, all: { type: 'boolean', default: false }, format: { type: 'string', default: 'mermaid' },
            out: { type: 'string', default: '.' }, theme: { type: 'string', default: 'light' }, help: { type: 'boolean', short: 'h' }
        }
    });
    if (values.help) return undefined;
    if (values.view !== undefined && values.all) throw new UsageError('give --view ID or --all, not both');
    if (values.view === undefined && !values.all) throw new UsageError('say which views to export: --view ID or --all');
    return { viewId: values.view, all: values.all, format: checkFormat(values.format), out: values.out, theme: checkTheme(values.theme), paths: positionals.length ? positionals : ['.'] };
}

function checkFormat(format: string): Format {
    if (Object.hasOwn(EXTENSIONS, format)) return format as Format;
    throw new UsageError(`--format must be mermaid, markdown, svg or png, not ${format}`);
}

function checkTheme(theme: string): PreviewTheme {
    if ((PREVIEW_THEMES as readonly string[]).includes(theme)) return theme as PreviewTheme;
    throw new UsageError(`--theme must be ${PREVIEW_THEMES.join(', ')}, not ${theme}`);
}

function unknownView(id: string, available: string[]): never {
    throw new UsageError(`no view '${id}' in the model; its views are: ${available.join(', ')}`);
}

/** View ids are model ids (letters, digits, `_`, `-`); anything else never reaches a path. */
function fileName(id: string): string {
    return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** A Markdown page: the title as a heading (Markdown and HTML escaped) and the diagram as a fenced block. */
function markdown(view: RenderedView): string {
    const title = view.title.replace(/\s+/g, ' ').trim().replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, '\\$&');
    return `# ${title}\n\n\`\`\`mermaid\n${view.mermaid}\`\`\`\n`;
}
