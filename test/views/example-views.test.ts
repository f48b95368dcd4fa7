import { describe, expect, it } from 'vitest';
import { listViews, PREVIEW_THEMES, renderView } from '../../server/src/views/index.js';
import { expectGolden } from './golden.js';
import { mermaidParse } from './mermaid-parse.js';
import { EXAMPLE, modelOf } from './views-fixture.js';

const example = () => modelOf({ 'shop.arch': EXAMPLE });

describe('the views of the design example', () => {
    it('lists the six declared views, one of each form', async () => {
        const { model } = await example();
        expect(listViews(model).map(v => `${v.id} ${v.form} ${v.title}${v.automatic ? ' (automatic)' : ''}`)).toEqual([
            'overview landscape Acme Shop at a glance',
            'inside-shop of Inside the shop',
            'production-view deployment Production',
            'checkout-flow sequence Checkout',
            'traceability requirements Requirements',
            'card-journey dataflow Where card data goes'
        ]);
    });

    it.each(['overview', 'inside-shop', 'production-view', 'checkout-flow', 'traceability', 'card-journey'])('draws %s as its golden Mermaid text, which parses', async id => {
        const { model, index } = await example();
        const view = renderView(model, index, id)!;
        expectGolden(`example-${id}.mmd`, view.mermaid);
        await expect(mermaidParse(view.mermaid)).resolves.toBeTruthy();
    });

    it('gives the same text for the same model, built twice, whatever was drawn before', async () => {
        const first = await example();
        const second = await example();
        const ids = listViews(first.model).map(v => v.id);
        const once = ids.map(id => renderView(first.model, first.index, id)!.mermaid);
        const reversed = [...ids].reverse().map(id => renderView(second.model, second.index, id)!.mermaid).reverse();
        expect(reversed).toEqual(once);
    });

    it('maps each diagram node to the declaration it draws', async () => {
        const { model, index } = await example();
        const overview = renderView(model, index, 'overview')!;
        expect(overview.nodes['el_orders']).toMatchObject({ kind: 'element', id: 'orders', uri: expect.stringMatching(/shop\.arch$/) });
        expect(overview.nodes['el_orders'].range.start).toEqual({ line: 82, character: 2 });
        expect(overview.nodes['el_orders'].selection.start).toEqual({ line: 82, character: 10 });
        expect(overview.nodes['el_shop']).toMatchObject({ kind: 'element', id: 'shop', range: { start: { line: 63, character: 0 } } });
        expect(Object.keys(overview.nodes)).toHaveLength(model.elements.length);
    });

    it('maps each instance of a deployment to its runs entry, and each box to its node', async () => {
        const { model, index } = await example();
        const production = renderView(model, index, 'production-view')!;
        expect(production.nodes['in_eks_a_0']).toMatchObject({ kind: 'instance', id: 'storefront', range: { start: { line: 183 } } });
        expect(production.nodes['dn_eu_west_1a']).toMatchObject({ kind: 'zone', id: 'eu-west-1a' });
        expect(production.nodes['dp_production']).toMatchObject({ kind: 'deployment', id: 'production' });
        expect(production.mermaid).toContain('"storefront ×2<br>Storefront"');
    });

    it('maps requirements, constraints and satisfying elements in the requirements view', async () => {
        const { model, index } = await example();
        const nodes = renderView(model, index, 'traceability')!.nodes;
        expect(Object.values(nodes).map(n => `${n.kind} ${n.id}`)).toEqual([
            'requirement checkout', 'requirement fast-checkout', 'requirement always-on', 'requirement peak-load',
            'constraint pci', 'constraint gdpr', 'element storefront', 'element orders'
        ]);
    });

    it('marks flagged elements with the flagged class, in every flowchart', async () => {
        const { model, index } = await example();
        expect(renderView(model, index, 'overview', { flagged: ['orders', 'edge'] })!.mermaid).toContain('class el_edge,el_orders flagged');
        expect(renderView(model, index, 'production-view', { flagged: ['orders', 'rds-a'] })!.mermaid).toContain('class in_eks_a_1,dn_rds_a,in_eks_b_1 flagged');
        expect(renderView(model, index, 'traceability', { flagged: new Set(['always-on']) })!.mermaid).toContain('class req_always_on flagged');
        expect(renderView(model, index, 'overview')!.mermaid).not.toContain('flagged');
    });

    it('marks the flows that carry sensitive data and dashes the async ones', async () => {
        const { model, index } = await example();
        const text = renderView(model, index, 'overview')!.mermaid;
        expect(text).toContain('el_orders -->|"charges the card · HTTPS<br>sensitive: payment"| el_payments');
        expect(text).toContain('el_orders -.->|"publishes OrderPlaced · Kafka"| el_order_events');
        expect(text).toContain('linkStyle 0,1,2,3,4,6 ');
    });

    it('pins layout and look, and takes the theme from the editor', async () => {
        const { model, index } = await example();
        const texts = PREVIEW_THEMES.map(theme => renderView(model, index, 'overview', { theme })!.mermaid);
        for (const text of texts) expect(text).toMatch(/^---\nconfig:\n {2}layout: dagre\n {2}look: classic\n {2}theme: /);
        expect(texts.map(t => /theme: (\w+)/.exec(t)![1])).toEqual(['default', 'dark', 'base', 'base']);
        expect(texts[2]).toContain('background: "#000000"');
        expect(texts[3]).toContain('background: "#ffffff"');
        const body = (t: string) => t.slice(t.indexOf('\n---\n'));
        expect(new Set(texts.map(body)).size).toBe(1);
        for (const text of texts) await mermaidParse(text);
    });

    it('answers undefined for a view the model does not have', async () => {
        const { model, index } = await example();
        expect(renderView(model, index, 'landscape')).toBeUndefined();
    });
});
