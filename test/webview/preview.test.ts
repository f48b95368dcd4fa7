// The built preview page in headless Chromium, with its real Content-Security-Policy: every view
// kind of the example draws as an SVG with the expected nodes, with no CSP violation, and a click
// on a node posts the reveal message the extension acts on.
import { describe, expect, test } from 'vitest';
import type { DiagramResult } from '../../server/src/protocol.js';
import { diagram, EXAMPLE, previewSetup, renderFields } from './diagrams.js';
import { DOCUMENT_URI, PreviewPage } from './preview-page.js';

const setup = previewSetup(EXAMPLE);

/** The node ids tagged on the page, sorted. */
async function tagged(page: PreviewPage): Promise<string[]> {
    return page.page.evaluate(() => [...new Set([...document.querySelectorAll('#diagram [data-aw-node]')].map(e => e.getAttribute('data-aw-node')!))].sort());
}

const KINDS = ['landscape', 'of', 'deployment', 'sequence', 'requirements', 'dataflow'];

describe('each view kind of the example', () => {
    for (const kind of KINDS) {
        test(`draws the ${kind} view as an SVG with a clickable node for every node of the source map, without CSP violations`, async () => {
            const view = diagram(setup.ws, undefined).views.find(v => v.kind === kind)!;
            const result: DiagramResult = diagram(setup.ws, view.id);
            expect(Object.keys(result.nodes).length).toBeGreaterThan(0);
            const page = await PreviewPage.open(setup.browser, setup.server);
            await page.render(renderFields(result));
            const svg = await page.page.evaluate(() => {
                const el = document.querySelector('#diagram svg');
                return el ? { role: el.getAttribute('aria-roledescription'), width: el.getBoundingClientRect().width } : undefined;
            });
            expect(svg?.width).toBeGreaterThan(50);
            expect(await tagged(page)).toEqual(Object.keys(result.nodes).sort());
            expect(await page.page.locator('#banner').isHidden()).toBe(true);
            expect(await page.violations()).toEqual([]);
            await page.page.close();
        });
    }
});

test('the view picker lists every view and posts the choice', async () => {
    const result = diagram(setup.ws, 'overview');
    const page = await PreviewPage.open(setup.browser, setup.server);
    await page.render(renderFields(result));
    const options = await page.page.locator('#view-picker option').evaluateAll(os => os.map(o => (o as HTMLOptionElement).value));
    expect(options).toEqual(result.views.map(v => v.id));
    await page.page.selectOption('#view-picker', 'traceability');
    expect((await page.posted()).at(-1)).toEqual({ type: 'selectView', documentUri: DOCUMENT_URI, viewId: 'traceability' });
    await page.page.close();
});

test('a click on a node posts a reveal of that node, and on a sequence participant too', async () => {
    const page = await PreviewPage.open(setup.browser, setup.server);
    await page.render(renderFields(diagram(setup.ws, 'overview')));
    await page.page.locator('#diagram [data-aw-node="el_orders"]').first().click();
    expect((await page.posted()).at(-1)).toEqual({ type: 'reveal', documentUri: DOCUMENT_URI, nodeId: 'el_orders' });
    await page.render(renderFields(diagram(setup.ws, 'checkout-flow')));
    await page.page.locator('#diagram [data-aw-node="el_payments"]').first().click();
    expect((await page.posted()).at(-1)).toEqual({ type: 'reveal', documentUri: DOCUMENT_URI, nodeId: 'el_payments' });
    expect(await page.violations()).toEqual([]);
    await page.page.close();
});

test('drawing in the dark theme has no CSP violations either', async () => {
    const page = await PreviewPage.open(setup.browser, setup.server, 'dark');
    for (const v of diagram(setup.ws, undefined).views) await page.render(renderFields(diagram(setup.ws, v.id, 'dark')));
    expect(await page.violations()).toEqual([]);
    await page.page.close();
});

test('the page\'s CSP is in force and its violations are counted: an inline handler does not run', async () => {
    const page = await PreviewPage.open(setup.browser, setup.server);
    await page.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/missing.png" onerror="window.__pwned = 1">'));
    await page.page.waitForFunction(() => (window as any).__violations.length > 0);
    expect(await page.page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect((await page.violations())[0]).toMatch(/^script-src/);
    await page.page.close();
});
