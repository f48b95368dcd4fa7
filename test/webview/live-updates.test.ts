// What the preview does as the model changes under it: superseded answers dropped, the last diagram
// kept (with a banner and marks) while the model has errors, the cursor's node highlighted, pan and
// zoom kept across updates and reloads, and the pictures posted for export.
import { expect, test } from 'vitest';
import { isWebviewMessage } from '../../client/webview/messages.js';
import { diagram, EXAMPLE, previewSetup, renderFields } from './diagrams.js';
import { DOCUMENT_URI, PreviewPage } from './preview-page.js';

const setup = previewSetup(EXAMPLE);

async function classesOf(page: PreviewPage, className: string): Promise<string[]> {
    return page.page.evaluate(c => [...new Set([...document.querySelectorAll(`#diagram .${c}`)].map(e => e.getAttribute('data-aw-node')!))], className);
}

test('an answer older than the one shown is dropped', async () => {
    const page = await PreviewPage.open(setup.browser, setup.server);
    await page.post({ type: 'render', documentUri: DOCUMENT_URI, sequence: 5, ...renderFields(diagram(setup.ws, 'traceability')) });
    await page.post({ type: 'render', documentUri: DOCUMENT_URI, sequence: 4, ...renderFields(diagram(setup.ws, 'overview')) });
    await page.page.waitForSelector('#diagram svg');
    await page.page.waitForTimeout(500);
    expect(await page.page.evaluate(() => document.querySelector('#diagram svg')!.getAttribute('aria-roledescription'))).toBe('requirement');
    expect(await page.page.inputValue('#view-picker')).toBe('traceability');
    await page.page.close();
});

test('with errors in the model the last diagram stays, a banner counts the errors, and flagged elements are marked', async () => {
    const page = await PreviewPage.open(setup.browser, setup.server);
    const good = renderFields(diagram(setup.ws, 'overview'));
    await page.render(good);
    const before = await page.page.evaluate(() => document.querySelector('#diagram svg')!.id);
    expect(await page.page.locator('#banner').isHidden()).toBe(true);
    await page.post({ type: 'render', documentUri: DOCUMENT_URI, sequence: ++page.sequence, ...good, mermaid: 'flowchart LR\n  broken[', errorCount: 2, flagged: ['el_orders'] });
    await expect.poll(() => page.page.locator('#banner').textContent()).toBe('2 errors in the model: showing the last diagram drawn.');
    expect(await page.page.evaluate(() => document.querySelector('#diagram svg')!.id)).toBe(before);
    expect(await classesOf(page, 'aw-flagged')).toEqual(['el_orders']);
    // Fixed: the new diagram replaces the old one and the banner goes.
    await page.render(good);
    expect(await page.page.locator('#banner').isHidden()).toBe(true);
    expect(await classesOf(page, 'aw-flagged')).toEqual([]);
    expect(await page.violations()).toEqual([]);
    await page.page.close();
});

test('Mermaid text that does not parse keeps the last diagram and says why', async () => {
    const page = await PreviewPage.open(setup.browser, setup.server);
    await page.render(renderFields(diagram(setup.ws, 'overview')));
    await page.render({ ...renderFields(diagram(setup.ws, 'overview')), mermaid: 'flowchart LR\n  a[' });
    expect(await page.page.locator('#banner').textContent()).toMatch(/^The diagram could not be drawn: /);
    expect(await page.page.locator('#diagram svg').count()).toBe(1);
    expect((await page.posted()).some(m => m.type === 'renderFailed')).toBe(true);
    await page.page.close();
});

test('the node under the editor\'s cursor is highlighted, and only that one', async () => {
    const page = await PreviewPage.open(setup.browser, setup.server);
    await page.render(renderFields(diagram(setup.ws, 'overview')));
    await page.post({ type: 'highlight', documentUri: DOCUMENT_URI, nodeId: 'el_orders' });
    await expect.poll(() => classesOf(page, 'aw-highlight')).toEqual(['el_orders']);
    await page.post({ type: 'highlight', documentUri: DOCUMENT_URI, nodeId: 'el_storefront' });
    await expect.poll(() => classesOf(page, 'aw-highlight')).toEqual(['el_storefront']);
    await page.post({ type: 'highlight', documentUri: DOCUMENT_URI, nodeId: undefined });
    await expect.poll(() => classesOf(page, 'aw-highlight')).toEqual([]);
    await page.page.close();
});

test('pan and zoom stay across updates of the same view, and a new view is fitted to the window', async () => {
    const page = await PreviewPage.open(setup.browser, setup.server);
    await page.render(renderFields(diagram(setup.ws, 'overview')));
    const fitted = await page.transform();
    await page.page.click('#zoom-in');
    await page.page.mouse.move(300, 300);
    await page.page.mouse.wheel(0, -200);
    await page.page.mouse.move(500, 400);
    await page.page.mouse.down();
    await page.page.mouse.move(450, 380, { steps: 5 });
    await page.page.mouse.up();
    const moved = await page.transform();
    expect(moved).not.toBe(fitted);
    await page.render(renderFields(diagram(setup.ws, 'overview')));
    expect(await page.transform()).toBe(moved);
    await page.render(renderFields(diagram(setup.ws, 'checkout-flow')));
    const newView = await page.transform();
    expect(newView).not.toBe(moved);
    await page.page.click('#zoom-in');
    expect(await page.transform()).not.toBe(newView);
    await page.page.click('#zoom-fit');
    expect(await page.transform()).toBe(newView);
    await page.page.close();
});

test('pan and zoom come back after a reload from the saved state', async () => {
    const state = { documentUri: DOCUMENT_URI, viewId: 'overview', zoom: { scale: 0.5, x: 10, y: 20 } };
    const page = await PreviewPage.open(setup.browser, setup.server, 'light', state);
    await page.render(renderFields(diagram(setup.ws, 'overview')));
    expect(await page.transform()).toBe('translate(10px, 20px) scale(0.5)');
    expect(await page.page.evaluate(() => (window as any).__state)).toEqual(state);
    await page.page.close();
});

test('the toolbar posts the SVG, a PNG and the source exports, each a message the extension accepts', async () => {
    const page = await PreviewPage.open(setup.browser, setup.server);
    await page.render(renderFields(diagram(setup.ws, 'overview')));
    await page.page.click('#export-svg');
    await page.page.click('#export-png');
    await page.page.click('#copy-mermaid');
    await page.page.click('#save-markdown');
    await page.post({ type: 'exportImage', documentUri: DOCUMENT_URI, format: 'png' });
    await expect.poll(async () => (await page.posted()).length).toBe(6);
    const [, svg, png, copy, markdown, asked] = await page.posted();
    for (const m of [svg, png, copy, markdown, asked]) expect(isWebviewMessage(m)).toBe(true);
    expect(svg).toMatchObject({ type: 'exported', format: 'svg' });
    expect((svg as { data: string }).data).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((svg as { data: string }).data).toContain('Order service');
    expect((svg as { data: string }).data).not.toContain('data-aw-node');
    expect(png).toMatchObject({ type: 'exported', format: 'png' });
    expect((png as { data: string }).data.length).toBeGreaterThan(10_000);
    expect(copy).toEqual({ type: 'exportSource', documentUri: DOCUMENT_URI, format: 'mermaid' });
    expect(markdown).toEqual({ type: 'exportSource', documentUri: DOCUMENT_URI, format: 'markdown' });
    expect(asked).toMatchObject({ type: 'exported', format: 'png' });
    expect(await page.violations()).toEqual([]);
    await page.page.close();
});

test('a fitted diagram follows the panel\'s size until the user pans or zooms', async () => {
    const page = await PreviewPage.open(setup.browser, setup.server);
    await page.render(renderFields(diagram(setup.ws, 'overview')));
    const wide = await page.transform();
    await page.page.setViewportSize({ width: 600, height: 750 });
    await expect.poll(() => page.transform()).not.toBe(wide);
    await page.page.click('#zoom-in');
    const zoomed = await page.transform();
    await page.page.setViewportSize({ width: 1100, height: 750 });
    await page.page.waitForTimeout(300);
    expect(await page.transform()).toBe(zoomed);
    await page.page.close();
});
