// The preview measure's work, bundled and called by bench/preview.mjs (which says what is timed).
// Everything here is the code the tests already trust: loadWorkspace (the language server's build in
// memory), diagram/renderFields (the server's answer and the panel's render message), PreviewServer
// and PreviewPage (the shipped page with its real CSP in headless Chromium).
import type { HostMessage } from '../client/webview/messages.js';
import { loadWorkspace } from '../test/helpers.js';
import { diagram, renderFields } from '../test/webview/diagram-answer.js';
import { DOCUMENT_URI, launchChromium, PreviewPage, PreviewServer } from '../test/webview/preview-page.js';
import { crossingModelText, modelText } from './views-model.js';

export interface PreviewOptions {
    /** Folder of the built preview.js and preview.css to serve. */
    webview: string;
    /** Nominal node counts of the views (modelText). */
    sizes: number[];
    warmups: number;
    updates: number;
    /** The view to draw: 'landscape' (declared `view landscape "All" { include * }`) or 'of'. */
    viewId: string;
    /** The model: views-model.ts's chain (modelText, no crossings) or its crossingModelText. */
    model?: 'chain' | 'crossings';
    log: (line: string) => void;
}

export interface PreviewResult {
    size: number;
    model: 'chain' | 'crossings';
    /** Nodes the view draws. */
    nodes: number;
    p50: number;
    p95: number;
    /** Medians of the two parts: the server's rebuild and answer, and post to painted SVG. */
    serverP50: number;
    pageP50: number;
    mermaidChars: number;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/** The model of `n` nodes with element e(k)'s title changed: a label that appears in the diagram. */
function editedText(base: string, n: number, edit: number): { text: string; label: string } {
    const k = Math.floor(n / 2);
    const before = `"Element ${k} with a longer title"`;
    const label = `Element ${k} revision ${edit} of its title`;
    if (!base.includes(before)) throw new Error(`modelText(${n}) has no ${before}`);
    return { text: base.replace(before, `"${label}"`), label };
}

/**
 * In the page: posts the render message as the extension's postMessage arrives (a window message),
 * and resolves once an SVG holding `label` is in #diagram and the frame after it has been produced
 * (requestAnimationFrame, then one task: the rAF callback runs before that frame's paint).
 */
function postAndWaitForPaint(page: PreviewPage, message: HostMessage, label: string): Promise<number> {
    return page.page.evaluate(({ message, label }) => new Promise<number>((resolve, reject) => {
        const diagram = document.getElementById('diagram')!;
        const start = performance.now();
        const failed = setTimeout(() => reject(new Error(`no SVG with "${label}" after 60 s: ${document.getElementById('banner')?.textContent ?? ''}`)), 60_000);
        const observer = new MutationObserver(() => {
            if (!diagram.querySelector('svg')?.textContent?.includes(label)) return;
            observer.disconnect();
            requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => { clearTimeout(failed); resolve(performance.now() - start); };
                channel.port2.postMessage(undefined);
            });
        });
        observer.observe(diagram, { childList: true, subtree: true });
        window.postMessage(message, '*');
    }), { message, label });
}

/** Times `updates` model changes (after `warmups`) per size; see bench/preview.mjs. */
export async function measurePreviewIn(options: PreviewOptions): Promise<PreviewResult[]> {
    const [server, browser] = await Promise.all([PreviewServer.start(options.webview), launchChromium()]);
    const results: PreviewResult[] = [];
    try {
        for (const n of options.sizes) {
            const model = options.model ?? 'chain';
            const base = model === 'crossings' ? crossingModelText(n) : modelText(n);
            const ws = await loadWorkspace(base);
            const page = await PreviewPage.open(browser, server);
            await page.render(renderFields(diagram(ws, options.viewId)));
            const serverTimes: number[] = [], pageTimes: number[] = [], totals: number[] = [];
            let nodes = 0, mermaidChars = 0;
            for (let i = 0; i < options.warmups + options.updates; i++) {
                const { text, label } = editedText(base, n, i);
                const t = performance.now();
                // Typed in the editor: the file is open (the language server keeps its syntax tree and parses the edit in part).
                await ws.type('model.arch', text);
                const answer = diagram(ws, options.viewId);
                const message: HostMessage = { type: 'render', documentUri: DOCUMENT_URI, sequence: ++page.sequence, ...renderFields(answer) };
                const serverMs = performance.now() - t;
                if (answer.viewId !== options.viewId || !answer.mermaid.includes(label)) throw new Error(`view ${options.viewId} of ${n} nodes does not show "${label}"`);
                const pageMs = await postAndWaitForPaint(page, message, label);
                nodes = Object.keys(answer.nodes).length;
                mermaidChars = answer.mermaid.length;
                if (i < options.warmups) continue;
                serverTimes.push(serverMs);
                pageTimes.push(pageMs);
                totals.push(serverMs + pageMs);
            }
            const violations = await page.violations();
            if (violations.length > 0) throw new Error(`Content-Security-Policy violations: ${violations.join('; ')}`);
            await page.page.close();
            const r = { size: n, model, nodes, p50: quantile(totals, 0.5), p95: quantile(totals, 0.95), serverP50: quantile(serverTimes, 0.5), pageP50: quantile(pageTimes, 0.5), mermaidChars };
            options.log(`    preview ${n}${model === 'crossings' ? ' (crossings)' : ''}: ${nodes} nodes, ${mermaidChars} chars of Mermaid; p50 ${r.p50.toFixed(0)} ms = server ${r.serverP50.toFixed(1)} ms + page ${r.pageP50.toFixed(0)} ms (medians of the parts), p95 ${r.p95.toFixed(0)} ms`);
            results.push(r);
        }
    } finally {
        await browser.close();
        await server.close();
    }
    return results;
}
