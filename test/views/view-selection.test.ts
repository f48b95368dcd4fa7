import { describe, expect, it } from 'vitest';
import { listViews, renderView } from '../../server/src/views/index.js';
import { expectGolden } from './golden.js';
import { mermaidParse } from './mermaid-parse.js';
import { modelOf } from './views-fixture.js';

const SKETCH = `
person user "User"
external mail "Mail provider"
system shop "Shop" {
  app web "Web"
  service api "API"
  system billing "Billing" {
    service invoices "Invoices"
    database ledger "Ledger"
  }
}
system crm "CRM" {
  service contacts "Contacts"
}
user -> web "browses"
web -> api "calls" { protocol HTTPS }
api -> invoices "bills"
invoices -> ledger "writes" { protocol SQL }
invoices -> mail "sends invoices" { async }
contacts -> api "syncs"
user -> mail "reads mail"
`;

const nodeIds = (text: string) => [...text.matchAll(/^\s*(?:subgraph )?(el_\w+)[@[]/gm)].map(m => m[1]);
const edges = (text: string) => [...text.matchAll(/^\s*(el_\w+) -\.?->(?:\|[^|]*\|)? (el_\w+)$/gm)].map(m => `${m[1]}>${m[2]}`);

async function draw(views: string, id: string): Promise<string> {
    const { model, index } = await modelOf(SKETCH + views);
    const text = renderView(model, index, id)!.mermaid;
    await mermaidParse(text);
    return text;
}

describe('which elements and flows a view shows', () => {
    it('include A, B exclude C: a system brings its parts, an excluded part leaves with its flows, parents frame what is left', async () => {
        const text = await draw('view v "v" { include user, shop  exclude billing }', 'v');
        expect(nodeIds(text)).toEqual(['el_user', 'el_shop', 'el_web', 'el_api']);
        expect(edges(text)).toEqual(['el_user>el_web', 'el_web>el_api']);
    });

    it('include of a nested part draws its enclosing systems as boundaries', async () => {
        const text = await draw('view v "v" { include invoices, mail }', 'v');
        expect(text).toMatch(/subgraph el_shop\["Shop"\]\n {4}subgraph el_billing\["Billing"\]\n {6}el_invoices@/);
        expect(edges(text)).toEqual(['el_invoices>el_mail']);
    });

    it('of SYSTEM: its inside, plus each element with a flow to or from the inside, and only those flows', async () => {
        const text = await draw('view v "v" of billing', 'v');
        expect(nodeIds(text)).toEqual(['el_mail', 'el_api', 'el_billing', 'el_invoices', 'el_ledger']);
        expect(edges(text)).toEqual(['el_api>el_invoices', 'el_invoices>el_ledger', 'el_invoices>el_mail']);
        expect(text).toContain('el_invoices -.->|"sends invoices"| el_mail');
    });

    it('draws a flow without label or protocol as a bare arrow', async () => {
        expect(await draw('ledger -> contacts\nview v "v" { include * }', 'v')).toMatch(/^ {2}el_ledger --> el_contacts$/m);
    });

    it('says why a view is empty instead of drawing nothing', async () => {
        expect(await draw('view v "v" { include mail exclude mail }', 'v')).toContain('empty["Nothing to show: the view includes no element"]');
        expect(await draw('data d "D" { class pii }\nview v "v" dataflow d', 'v')).toContain('no flow carries this data and no datastore stores it');
    });
});

describe('automatic views of a model that declares none', () => {
    it('offers a landscape, one view per top-level system, one per deployment, and the requirements', async () => {
        const { model } = await modelOf(SKETCH + `
requirement r1 "R1" { kind functional }
deployment prod "Prod" { node n1 "N1" { runs api x2 } }`);
        expect(listViews(model)).toEqual([
            { id: 'landscape', title: 'Landscape', form: 'landscape', automatic: true },
            { id: 'of-shop', title: 'Inside Shop', form: 'of', automatic: true },
            { id: 'of-crm', title: 'Inside CRM', form: 'of', automatic: true },
            { id: 'deployment-prod', title: 'Deployment: Prod', form: 'deployment', automatic: true },
            { id: 'requirements', title: 'Requirements', form: 'requirements', automatic: true }
        ]);
    });

    it('offers no requirements view without requirements or constraints', async () => {
        const { model } = await modelOf(SKETCH);
        expect(listViews(model).map(v => v.id)).toEqual(['landscape', 'of-shop', 'of-crm']);
    });

    it('draws each automatic view, and they parse', async () => {
        const { model, index } = await modelOf(SKETCH + 'deployment prod "Prod" { zone z "Z" { node n1 "N1" { runs api x2, web } } }');
        for (const { id } of listViews(model)) {
            const view = renderView(model, index, id)!;
            expect(view.automatic).toBe(true);
            expectGolden(`sketch-${id}.mmd`, view.mermaid);
            await mermaidParse(view.mermaid);
        }
    });

    it('offers only the declared views once there is one', async () => {
        const { model, index } = await modelOf(SKETCH + 'view mine "Mine" of crm');
        expect(listViews(model).map(v => v.id)).toEqual(['mine']);
        expect(renderView(model, index, 'landscape')).toBeUndefined();
    });

    it('draws an empty model as a landscape that says so', async () => {
        const { model, index } = await modelOf('architecture "Nothing yet"');
        const view = renderView(model, index, 'landscape')!;
        expect(view.mermaid).toContain('Nothing to show');
        await mermaidParse(view.mermaid);
    });
});
