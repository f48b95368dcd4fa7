// The preview measure of `npm run bench` (bench/run.mjs --only preview): a model change to a new SVG
// on screen, for views of 50, 100 and 200 nodes, in headless Chromium. Budget: p50 ≤ 300 ms at 100.
//
// The model is bench/views-model.ts's modelText(n) and the view its landscape view ("All",
// `include *`: n nodes). Each update renames one element (e(n/2)'s title), and is timed as the sum of
//   1. the server, in this process: the language server's rebuild after the file changed, typed
//      into as an editor does (the file is open: its tree is kept and the edit parsed in part;
//      Langium's DocumentBuilder.update: parse, link, ArchModel, validation with the readiness
//      rules) and its answer to `archwright/diagram` (diagramOf: the view's Mermaid text, source map,
//      flagged nodes), made into the panel's `render` message (test/helpers.ts loadWorkspace,
//      test/webview/diagram-answer.ts);
//   2. the page, timed inside Chromium with performance.now(): from window.postMessage of that
//      message (how the extension's post arrives in a webview) until the new SVG, holding the new
//      title, is in #diagram and the frame after it has been produced (requestAnimationFrame, then
//      one task). This is the shipped page (client/src/preview/preview-html.ts with its real CSP,
//      client/webview/*, built here as `esbuild.mjs --production` builds it) served by
//      test/webview/preview-page.ts: Mermaid's parse, layout and render, the SVG guard, the DOM
//      swap, node tagging and fit to window, style and layout of the page.
// Not included: the LSP round trip and the client's 150 ms throttle (the first change after a quiet
// spell is drawn at once), VS Code's postMessage path into the webview, and the page's GPU work.
// Per size: a fresh page, the first render untimed, 3 warm-up updates, then 20 timed ones.
// Then the same at 100 nodes for crossingModelText's landscape view: about 2 flows per element, so
// the picture has crossings and dagre's crossing search runs all its sweeps (no budget of its own:
// the budget is for the first measure; this one shows what views with crossings cost).
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { ensureChromium } from '../scripts/code-server.mjs';
import { mermaidPatches } from '../scripts/mermaid-patches.mjs';

const SIZES = [50, 100, 200];

/** Returns [{ size, model, p50, p95, ... }]: the chain's sizes, then the view with crossings; times in milliseconds (see above). */
export async function measurePreview(root) {
    const bin = join(root, '.cache/bench-bin');
    const webview = join(bin, 'webview');
    ensureChromium();
    // Bundled here, as run.mjs does with the server, so that a concurrent rebuild of out/ cannot change what is measured.
    await esbuild.build({ entryPoints: [join(root, 'client/webview/preview.ts')], outfile: join(webview, 'preview.js'),
        bundle: true, minify: true, sourcemap: false, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'warning', legalComments: 'none',
        plugins: [mermaidPatches()] });
    const driver = join(bin, 'preview-measure.mjs');
    await esbuild.build({ entryPoints: [join(root, 'bench/preview-measure.ts')], outfile: driver, bundle: true, platform: 'node', format: 'esm',
        target: 'node22', logLevel: 'warning', legalComments: 'none', external: ['playwright-core'],
        banner: { js: "import{createRequire}from'module';const require=createRequire(import.meta.url);" } });
    if (!existsSync(join(webview, 'preview.css'))) throw new Error('the webview bundle has no preview.css');
    const { measurePreviewIn } = await import(pathToFileURL(driver).href);
    console.log(`preview: landscape view of ${SIZES.join(', ')} nodes, then one of 100 with crossings, 3 warm-ups and 20 updates each; load average ${loadavg().map(x => x.toFixed(2)).join(' ')}`);
    const chain = await measurePreviewIn({ webview, sizes: SIZES, warmups: 3, updates: 20, viewId: 'landscape', log: console.log });
    const crossings = await measurePreviewIn({ webview, sizes: [100], warmups: 3, updates: 20, viewId: 'landscape', model: 'crossings', log: console.log });
    return [...chain, ...crossings];
}
