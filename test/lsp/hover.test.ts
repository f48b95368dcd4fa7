import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAtCursor } from './cursor-workspace.js';

const example = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

/** The Markdown shown when hovering at the marker, or undefined when nothing shows. */
async function hoverAt(files: Record<string, string> | string): Promise<string | undefined> {
    const ws = await loadAtCursor(files);
    const result = await ws.services.lsp.HoverProvider!.getHoverContent(ws.here, ws.params);
    const contents = result?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : undefined;
}

/** The design example with the marker placed before the n-th occurrence (0-based) of `text`. */
function exampleAt(text: string, occurrence = 0): Record<string, string> {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = example.indexOf(text, at + 1);
    if (at < 0) throw new Error(`no ${text} in the example`);
    return { 'shop.arch': example.slice(0, at) + '|' + example.slice(at) };
}

describe('hover', () => {
    it('describes an element: title, description, technology, requirements, flows in and out, where it runs', async () => {
        expect(await hoverAt(exampleAt('orders "Order service"'))).toBe([
            '**service** `orders` — Order service',
            'Takes orders, charges cards through Stripe\nand publishes an event for fulfilment.',
            'Technology: Go 1.24 · Owner: team-orders · Part of: shop',
            'Satisfies: `checkout`, `fast-checkout`, `always-on`, `peak-load`',
            'Flows out (3):\n- → `orders-db` "stores the order" (SQL)\n- → `payments` "charges the card" (HTTPS)\n- → `order-events` "publishes OrderPlaced" (Kafka, async, unencrypted)',
            'Flows in (1):\n- ← `storefront` "places order" (gRPC)',
            'Deployed (2):\n- `production` / `eks-a` in zone `eu-west-1a`\n- `production` / `eks-b` in zone `eu-west-1b`'
        ].join('\n\n'));
    });

    it('shows the same on a reference as on the declaration', async () => {
        const onDeclaration = await hoverAt(exampleAt('orders-db "Orders"'));
        expect(onDeclaration).toContain('**database** `orders-db` — Orders');
        expect(onDeclaration).toContain('Stores: `customer-profile`');
        expect(await hoverAt(exampleAt('orders-db "stores the order"'))).toBe(onDeclaration);
        expect(await hoverAt(exampleAt('orders-db\n', 1))).toBe(onDeclaration);
    });

    it('counts instances per node', async () => {
        expect(await hoverAt(exampleAt('storefront "Storefront"'))).toContain('Deployed (2):\n- `production` / `eks-a` in zone `eu-west-1a` ×2\n- `production` / `eks-b` in zone `eu-west-1b`');
    });

    it('describes a requirement: kind, target and who satisfies it', async () => {
        expect(await hoverAt(exampleAt('always-on "The shop'))).toBe(
            '**requirement** `always-on` — The shop stays up\n\nKind: availability · Target: 99.95%\n\nSatisfied by: `storefront`, `orders`');
        expect(await hoverAt('requirement lonely "Nobody cares" {\n  kind cost\n}\nservice a {\n  satisfies lon|ely\n}\nservice b\n'))
            .toBe('**requirement** `lonely` — Nobody cares\n\nKind: cost\n\nSatisfied by: `a`');
        expect(await hoverAt('requirement lon|ely\n')).toBe('**requirement** `lonely`\n\nSatisfied by no element yet.');
    });

    it('describes data: its class, where it is stored and carried', async () => {
        expect(await hoverAt(exampleAt('customer-profile "Name'))).toBe([
            '**data** `customer-profile` — Name, address and e-mail',
            'Class: pii (sensitive)',
            'Stored in: `orders-db`',
            'Carried by (5):\n- `shopper` → `edge` "shops"\n- `edge` → `storefront` "forwards requests"\n- `storefront` → `orders` "places order"'
                + '\n- `orders` → `orders-db` "stores the order"\n- `nightly-report` → `orders-db` "reads yesterday\'s orders"'
        ].join('\n\n'));
    });

    it('describes a decision: status, date, what it affects and why', async () => {
        expect(await hoverAt(exampleAt('adr-002'))).toBe([
            '**decision** `adr-002` — Keep card data out of our stores',
            'Status: accepted · Date: 2026-04-11',
            'Affects: `orders`, `payments`',
            'Rationale: Sending card data straight to Stripe keeps our databases out of PCI scope'
        ].join('\n\n'));
        expect(await hoverAt('decision old {\n  status superseded by n|ew\n}\ndecision new "New way"\n')).toBe('**decision** `new` — New way');
        expect(await hoverAt('decision o|ld {\n  status superseded by new\n}\ndecision new "New way"\n')).toBe('**decision** `old`\n\nStatus: superseded by new');
    });

    it('describes constraints, deployments, their nodes and views', async () => {
        expect(await hoverAt(exampleAt('pci'))).toBe('**constraint** `pci` — Card data is handled per PCI DSS\n\nKind: compliance · Standard: PCI-DSS');
        expect(await hoverAt(exampleAt('production "Production on'))).toBe('**deployment** `production` — Production on AWS eu-west-1\n\nKind: production · Zones: 2 · Instances: 10');
        expect(await hoverAt(exampleAt('eks-a'))).toBe('**node** `eks-a` — EKS node group A\n\nDeployment: production · Technology: EKS, m7g.large\n\nRuns (2):\n- `storefront` ×2\n- `orders`');
        expect(await hoverAt(exampleAt('eu-west-1a "Zone'))).toBe('**zone** `eu-west-1a` — Zone A\n\nDeployment: production\n\nContains (2):\n- node `eks-a`\n- node `rds-a`');
        expect(await hoverAt(exampleAt('card-journey'))).toBe('**view** `card-journey` — Where card data goes\n\nForm: dataflow · Of: card');
    });

    it('caps long lists of flows', async () => {
        const targets = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7'];
        const text = `service h|ub\n${targets.map(t => `service ${t}\nhub -> ${t}`).join('\n')}\n`;
        const shown = await hoverAt(text);
        expect(shown).toContain('Flows out (7):\n- → `b1` (unencrypted)\n- → `b2` (unencrypted)\n- → `b3` (unencrypted)\n- → `b4` (unencrypted)\n- → `b5` (unencrypted)\n- … and 2 more');
    });

    it('hovers each segment of a dotted path, in another file', async () => {
        const files = (marked: string) => ({
            'a.arch': 'system shop "Shop" {\n  service orders "Orders"\n}\n',
            'b.arch': `person u "U"\nu -> ${marked} "uses"\n`
        });
        expect(await hoverAt(files('sh|op.orders'))).toMatch(/^\*\*system\*\* `shop` — Shop/);
        expect(await hoverAt(files('shop.ord|ers'))).toMatch(/^\*\*service\*\* `orders` — Orders\n\nPart of: shop\n\nFlows in \(1\):\n- ← `u` "uses" \(unencrypted\)$/);
    });

    it('escapes Markdown in titles and shows nothing on keywords', async () => {
        expect(await hoverAt('service a|b "a *bold* <b>claim</b>"\n')).toBe('**service** `ab` — a \\*bold\\* \\<b\\>claim\\</b\\>');
        expect(await hoverAt('serv|ice ab "A"\n')).toBeUndefined();
    });
});
