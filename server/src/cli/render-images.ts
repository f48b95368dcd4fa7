// `export --format svg|png`: the pictures come from the preview itself. The built preview page
// (the panel's own HTML and CSP, out/webview/preview.js) runs in headless Chromium, is sent each
// view as the extension sends it, and is asked for the picture with the same `exportImage` message
// that VS Code's "Export Diagram as SVG/PNG" sends: the files are what the preview draws and exports.
// playwright-core is loaded at run time, so that every other command works without it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { contentSecurityPolicy, previewHtml } from '../../../client/src/preview/preview-html.js';
import type { PreviewTheme, RenderedView } from '../views/index.js';
import { Progress } from './terminal.js';
import { UsageError } from './workspace.js';

const ORIGIN = 'https://archwright.invalid';
const NONCE = 'archwrightCliExport0123456789ab';
const CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The page background per theme: what VS Code's editor shows behind the preview. */
const BACKGROUNDS: Record<PreviewTheme, { bodyClass: string; color: string }> = {
    light: { bodyClass: 'vscode-light', color: '#ffffff' },
    dark: { bodyClass: 'vscode-dark', color: '#1f1f1f' },
    'high-contrast': { bodyClass: 'vscode-high-contrast', color: '#000000' },
    'high-contrast-light': { bodyClass: 'vscode-high-contrast-light', color: '#ffffff' }
};

/** Chromium or Chrome: $CHROME_PATH first, then the usual places; a UsageError naming what to install. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = CHROMIUMS): string {
    if (env.CHROME_PATH) {
        if (existsSync(env.CHROME_PATH)) return env.CHROME_PATH;
        throw new UsageError(`CHROME_PATH names ${env.CHROME_PATH}, which does not exist`);
    }
    const found = candidates.find(p => existsSync(p));
    if (found) return found;
    throw new UsageError('--format svg and png draw in a headless Chromium, and none was found: install Chromium (Debian and Ubuntu: apt-get install chromium) or Google Chrome, or set CHROME_PATH to its executable');
}

function loadPlaywright(): typeof import('playwright-core') {
    try {
        // A run-time require: esbuild leaves it alone, so the command line works without the package.
        const name = 'playwright-core';
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional, loaded only for svg and png
        return require(name);
    } catch {
        throw new UsageError('--format svg and png need the npm package playwright-core: run npm install playwright-core');
    }
}

/** Draws each view in the preview and returns its picture: SVG text, or PNG bytes. */
export async function renderImages(views: readonly RenderedView[], format: 'svg' | 'png', theme: PreviewTheme): Promise<Buffer[]> {
    const executablePath = findChromium();
    // The built preview beside the bundled command line (out/webview next to out/cli).
    const webview = join(__dirname, '..', 'webview');
    if (!existsSync(join(webview, 'preview.js'))) throw new UsageError(`${webview}: the built preview is missing; run npm run build`);
    const { chromium } = loadPlaywright();
    const progress = new Progress();
    const browser: Browser = await chromium.launch({
        executablePath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    });
    try {
        const page = await openPreview(browser, theme, webview);
        const out: Buffer[] = [];
        for (const [i, view] of views.entries()) {
            progress.update(`drawing ${i + 1}/${views.length} views`);
            out.push(await picture(page, view, i + 1, format));
        }
        return out;
    } finally {
        progress.done();
        await browser.close();
    }
}

/** The preview page, served from a made-up origin by request interception (no port is opened). */
async function openPreview(browser: Browser, theme: PreviewTheme, webview: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const html = previewHtml({ cspSource: ORIGIN, nonce: NONCE, scriptUri: `${ORIGIN}/preview.js`, styleUri: `${ORIGIN}/preview.css`, documentUri: 'file:///export.arch' });
    await page.route(`${ORIGIN}/**`, route => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/preview.html') return route.fulfill({ contentType: 'text/html', headers: { 'Content-Security-Policy': contentSecurityPolicy(ORIGIN, NONCE) }, body: html });
        const file = /^\/(preview\.(?:js|css))$/.exec(path)?.[1];
        if (!file) return route.fulfill({ status: 404 });
        return route.fulfill({ contentType: file.endsWith('.js') ? 'text/javascript' : 'text/css', body: readFileSync(join(webview, file)) });
    });
    // The host side of the webview: acquireVsCodeApi records what the page posts; VS Code's theme class and background.
    const look = BACKGROUNDS[theme];
    await page.addInitScript(({ bodyClass, color }) => {
        const w = window as unknown as { __posted: unknown[]; acquireVsCodeApi: () => unknown };
        w.__posted = [];
        w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__posted.push(m), getState: () => undefined, setState: () => undefined });
        document.addEventListener('DOMContentLoaded', () => {
            document.body.className = bodyClass;
            document.documentElement.style.setProperty('--vscode-editor-background', color);
        });
    }, look);
    await page.goto(`${ORIGIN}/preview.html`);
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'ready'));
    return page;
}

/** Renders one view (render message), then asks for its picture (exportImage) and waits for the answer. */
async function picture(page: Page, view: RenderedView, sequence: number, format: 'svg' | 'png'): Promise<Buffer> {
    const render = {
        type: 'render', documentUri: 'file:///export.arch', sequence, viewId: view.id, title: view.title, views: [],
        mermaid: view.mermaid, nodeIds: Object.keys(view.nodes), flagged: [], errorCount: 0
    };
    const answer = await page.evaluate(async ({ render, format }) => {
        type Posted = { type: string; format?: string; data?: string; message?: string };
        const posted = (window as unknown as { __posted: Posted[] }).__posted;
        const before = document.querySelector('#diagram svg')?.id ?? '';
        const start = posted.length;
        const until = async (test: () => Posted | boolean | undefined): Promise<void> => {
            for (let waited = 0; !test(); waited += 25) {
                if (waited > 60_000) throw new Error('the preview did not answer within a minute');
                await new Promise(resolve => setTimeout(resolve, 25));
            }
        };
        window.postMessage(render, '*');
        await until(() => (document.querySelector('#diagram svg')?.id ?? '') !== before || posted.slice(start).some(m => m.type === 'renderFailed'));
        const failed = posted.slice(start).find(m => m.type === 'renderFailed');
        if (failed) return { error: failed.message ?? 'the diagram could not be drawn' };
        window.postMessage({ type: 'exportImage', documentUri: render.documentUri, format }, '*');
        await until(() => posted.slice(start).find(m => m.type === 'exported'));
        return { data: posted.slice(start).find(m => m.type === 'exported')!.data! };
    }, { render, format });
    if (answer.error !== undefined) throw new UsageError(`the view ${view.id} could not be drawn: ${answer.error.split('\n')[0]}`);
    const data = answer.data ?? '';
    return format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
}
