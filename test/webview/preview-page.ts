// Serves the built preview page exactly as the panel builds it (preview-html.ts, the real CSP, also
// sent as a response header) from 127.0.0.1, with a stub `acquireVsCodeApi` injected by nonce, and
// drives it in headless Chromium. The stub records what the page posts, and a listener counts
// Content-Security-Policy violations from the first byte on.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { contentSecurityPolicy, previewHtml } from '../../client/src/preview/preview-html.js';
import type { HostMessage, PreviewState, WebviewMessage } from '../../client/webview/messages.js';

const WEBVIEW = join(import.meta.dirname, '..', '..', 'out', 'webview');
const NONCE = 'testNonce0123456789abcdef';
export const DOCUMENT_URI = 'file:///workspace/model.arch';

/** Colours VS Code gives a dark webview, enough for the page and its screenshots. */
const THEMES = {
    light: { bodyClass: 'vscode-light', vars: '--vscode-editor-background:#ffffff;--vscode-editor-foreground:#1f1f1f;' },
    dark: { bodyClass: 'vscode-dark', vars: '--vscode-editor-background:#1f1f1f;--vscode-editor-foreground:#cccccc;--vscode-foreground:#cccccc;--vscode-panel-border:#3c3c3c;--vscode-dropdown-background:#313131;--vscode-dropdown-foreground:#cccccc;--vscode-dropdown-border:#3c3c3c;--vscode-button-secondaryBackground:#313131;--vscode-button-secondaryForeground:#cccccc;--vscode-inputValidation-errorBackground:#5a1d1d;' }
} as const;

function stubScript(theme: keyof typeof THEMES): string {
    const t = THEMES[theme];
    return `<script nonce="${NONCE}">
window.__posted = []; window.__violations = []; window.__state = JSON.parse(new URLSearchParams(location.search).get('state') || 'null') ?? undefined;
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + (e.sample ? ' ' + e.sample : '') + (e.sourceFile ? ' at ' + e.sourceFile.split('/').pop() + ':' + e.lineNumber : '')));
window.acquireVsCodeApi = () => ({ postMessage: m => window.__posted.push(m), getState: () => window.__state, setState: s => { window.__state = s; } });
document.addEventListener('DOMContentLoaded', () => { document.body.className = '${t.bodyClass}'; document.documentElement.style.cssText = '${t.vars}'; });
</script>`;
}

/** A local server of the preview page and the built webview files. */
export class PreviewServer {
    private constructor(private readonly server: Server, readonly origin: string) {}

    /** `webview`: the folder of the built preview.js and preview.css (the benchmark serves its own production build). */
    static async start(webview = WEBVIEW): Promise<PreviewServer> {
        let origin = '';
        const server = createServer((req, res) => void serve(origin, webview, req.url ?? '/', res));
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        return new PreviewServer(server, origin);
    }

    close(): Promise<void> {
        return new Promise(resolve => this.server.close(() => resolve()));
    }
}

async function serve(origin: string, webview: string, url: string, res: import('node:http').ServerResponse): Promise<void> {
    const path = new URL(url, origin);
    if (path.pathname === '/preview.html') {
        const theme = path.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
        const html = previewHtml({ cspSource: origin, nonce: NONCE, scriptUri: `${origin}/webview/preview.js`, styleUri: `${origin}/webview/preview.css`, documentUri: DOCUMENT_URI });
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy(origin, NONCE) });
        res.end(html.replace('<link rel="stylesheet"', stubScript(theme) + '\n<link rel="stylesheet"'));
        return;
    }
    const file = /^\/webview\/(preview\.(?:js|css))$/.exec(path.pathname)?.[1];
    if (!file) {
        res.writeHead(404).end();
        return;
    }
    res.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'text/css' });
    res.end(await readFile(join(webview, file)));
}

/** Headless Chromium as testing.md says to start it on this machine. */
export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    });
}

/** One open preview page. */
export class PreviewPage {
    sequence = 0;
    constructor(readonly page: Page) {}

    /**
     * Opens the page; `state` is what vscode.getState returns, as after a reload. `initScript` runs
     * in the page before its own scripts (Playwright injects it, outside the page's CSP).
     */
    static async open(browser: Browser, server: PreviewServer, theme: 'light' | 'dark' = 'light', state?: PreviewState,
        screen = { width: 1100, height: 750, deviceScaleFactor: 1 }, initScript?: string): Promise<PreviewPage> {
        const page = await browser.newPage({ viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: screen.deviceScaleFactor });
        if (initScript) await page.addInitScript(initScript);
        const query = new URLSearchParams({ theme, ...state ? { state: JSON.stringify(state) } : {} });
        await page.goto(`${server.origin}/preview.html?${query}`);
        const preview = new PreviewPage(page);
        await page.waitForFunction(() => (window as any).__posted.some((m: any) => m.type === 'ready'));
        return preview;
    }

    /** Posts a message as the extension would (the webview receives the host's posts as window messages). */
    async post(message: HostMessage): Promise<void> {
        await this.page.evaluate(m => window.postMessage(m, '*'), message);
    }

    /** Posts a render and waits until its diagram is on the page (or the banner says it failed). */
    async render(fields: Omit<Extract<HostMessage, { type: 'render' }>, 'type' | 'sequence' | 'documentUri'>): Promise<void> {
        const before = await this.page.evaluate(() => document.querySelector('#diagram svg')?.id ?? '');
        await this.post({ type: 'render', documentUri: DOCUMENT_URI, sequence: ++this.sequence, ...fields });
        await this.page.waitForFunction(prev => {
            const id = document.querySelector('#diagram svg')?.id ?? '';
            return id !== prev || (window as any).__posted.some((m: any) => m.type === 'renderFailed');
        }, before);
    }

    /** The CSS transform of the diagram: its pan and zoom. */
    transform(): Promise<string> {
        return this.page.evaluate(() => (document.getElementById('diagram') as HTMLElement).style.transform);
    }

    posted(): Promise<WebviewMessage[]> {
        return this.page.evaluate(() => (window as any).__posted);
    }

    violations(): Promise<string[]> {
        return this.page.evaluate(() => (window as any).__violations);
    }
}
