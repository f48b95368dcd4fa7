// Labels that try to become markup, a directive, a click binding or a script: drawn by the real
// views and shown by the real page, every one stays text. Each payload would set window.__pwned.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { diagram, previewSetup, renderFields } from './diagrams.js';
import { PreviewPage } from './preview-page.js';

const HOSTILE = readFileSync(new URL('fixtures/hostile.arch', import.meta.url), 'utf8');

const setup = previewSetup(HOSTILE);

/** What a reader sees in the diagram, and what in it could act: scripts, handlers, links, foreign images. */
function inspect(): { text: string; active: string[] } {
    const svg = document.querySelector('#diagram svg')!;
    const active: string[] = [];
    for (const el of svg.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'img', 'a', 'iframe', 'object', 'embed', 'image'].includes(tag)) active.push(tag);
        for (const attr of el.attributes) {
            if (attr.name.startsWith('on') || /javascript:/i.test(attr.value)) active.push(`${tag}[${attr.name}]`);
        }
    }
    return { text: svg.textContent ?? '', active };
}

test('the hostile model parses and has every view kind', () => {
    expect(diagram(setup.ws, undefined).views.map(v => v.kind)).toEqual(['landscape', 'of', 'deployment', 'sequence', 'requirements', 'dataflow']);
});

const EXPECTED_TEXT: Record<string, string[]> = {
    all: ['<img src=x onerror="window.__pwned = \'img\'">', '<svg onload="window.__pwned = \'svg\'"></svg>', 'click el_p1 call eval("window.__pwned = \'click\'")', '"]) --> evil[("x', 'مرحبا بالعالم'],
    inside: ['end', '<svg onload="window.__pwned = \'svg\'"></svg>'],
    where: ['<script>window.__pwned = \'deployment\'</script>', '%%'],
    steps: ['<script>window.__pwned = \'step\'</script>', 'no flow ; # %%{init: {}}%%'],
    reqs: ['<script>window.__pwned = \'requirement\'</script>', '%%{init: {"securityLevel":"loose", "theme":"forest"}}%%'],
    'secret-flow': ['<img src=x onerror="window.__pwned = \'img\'">']
};

for (const [viewId, texts] of Object.entries(EXPECTED_TEXT)) {
    test(`the ${viewId} view shows its hostile labels as text, runs nothing and violates no CSP`, async () => {
        const page = await PreviewPage.open(setup.browser, setup.server);
        await page.render(renderFields(diagram(setup.ws, viewId)));
        expect((await page.posted()).filter(m => m.type === 'renderFailed')).toEqual([]);
        const seen = await page.page.evaluate(inspect);
        for (const text of texts) expect(seen.text).toContain(text);
        expect(seen.active).toEqual([]);
        // A leaf: a boundary's middle is covered by what it holds.
        await page.page.locator('#diagram [data-aw-node]:not(.cluster)').first().click();
        await page.page.waitForTimeout(100);
        expect(await page.page.evaluate(() => (window as any).__pwned)).toBeUndefined();
        expect(await page.violations()).toEqual([]);
        await page.page.close();
    });
}

test('the very long title is shortened with an ellipsis, so its node keeps a readable size', async () => {
    const page = await PreviewPage.open(setup.browser, setup.server);
    await page.render(renderFields(diagram(setup.ws, 'all')));
    const node = await page.page.evaluate(() => {
        const el = document.querySelector('#diagram [data-aw-node="el_long"]') as SVGGraphicsElement;
        return { text: el.textContent ?? '', width: el.getBBox().width };
    });
    expect(node.text).toMatch(/^A very long title that goes on and on A very.*…/s);
    expect(node.width).toBeLessThan(400);
    await page.page.close();
});

test('even unescaped Mermaid cannot loosen the page: no directive, click binding or markup runs', async () => {
    const page = await PreviewPage.open(setup.browser, setup.server);
    const mermaid = [
        '%%{init: {"securityLevel": "loose", "startOnLoad": true}}%%',
        'flowchart LR',
        '  a["<img src=x onerror=\'window.__pwned = 1\'>"] --> b["<script>window.__pwned = 2</script>"]',
        '  click a href "javascript:window.__pwned = 3"',
        '  click b call eval("window.__pwned = 4")'
    ].join('\n');
    await page.render({ viewId: 'raw', title: 'raw', views: [{ id: 'raw', title: 'raw', kind: 'landscape', automatic: false }], mermaid, nodeIds: ['a', 'b'], flagged: [], errorCount: 0 });
    // Dispatched on the nodes themselves: their labels are gone, so the middle of a box may be empty.
    await page.page.locator('#diagram [data-aw-node="a"]').dispatchEvent('click');
    await page.page.locator('#diagram [data-aw-node="b"]').dispatchEvent('click');
    await page.page.waitForTimeout(200);
    expect((await page.posted()).flatMap(m => (m.type === 'reveal' ? [m.nodeId] : []))).toEqual(['a', 'b']);
    const seen = await page.page.evaluate(inspect);
    expect(seen.active).toEqual([]);
    expect(await page.page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    // Mermaid's sanitizer parses the raw label; the CSP refuses its inline handler (and says so).
    for (const violation of await page.violations()) expect(violation).toMatch(/^script-src-attr inline/);
    await page.page.close();
});
