import { readFileSync } from 'node:fs';
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { isLinkProperty, type LinkProperty } from '../../server/src/language/generated/ast.js';
import { ArchwrightDocumentSymbolProvider } from '../../server/src/lsp/document-symbol-provider.js';
import type { ArchwrightServices } from '../../server/src/module.js';
import { loadFixtures, mutate, Random } from '../fuzz/mutations.js';
import { loadWorkspace } from '../helpers.js';

const example = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

/** The outline as indented lines: `name (detail)`, children two spaces in. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
    return symbols.flatMap(s => [`${'  '.repeat(depth)}${s.name} (${s.detail})`, ...outline(s.children ?? [], depth + 1)]);
}

async function documentSymbols(text: string): Promise<DocumentSymbol[]> {
    const ws = await loadWorkspace({ 'shop.arch': text });
    const doc = ws.doc('shop.arch');
    return ws.services.lsp.DocumentSymbolProvider!.getSymbols(doc, { textDocument: { uri: doc.uri.toString() } }) as Promise<DocumentSymbol[]>;
}

/** `Class`, `Namespace`...: the name of a symbol kind, as the editor's icons are named. */
function kindName(kind: SymbolKind): string | undefined {
    return Object.entries(SymbolKind).find(([, value]) => value === kind)?.[0];
}

function find(symbols: DocumentSymbol[], name: string): DocumentSymbol {
    for (const s of symbols) {
        if (s.name === name) return s;
        const inside = s.children && find(s.children, name);
        if (inside) return inside;
    }
    return undefined as unknown as DocumentSymbol;
}

describe('document symbols (the outline)', () => {
    it('lists the design example nested like the file, each with its kind and title', async () => {
        const lines = outline(await documentSymbols(example));
        expect(lines.slice(0, 8)).toEqual([
            'architecture (architecture — Acme Shop)',
            'checkout (requirement — Customers can pay for their cart by card)',
            'fast-checkout (requirement — Checkout answers quickly)',
            'always-on (requirement — The shop stays up)',
            'peak-load (requirement — The shop survives Black Friday)',
            'pci (constraint — Card data is handled per PCI DSS)',
            'gdpr (constraint — Personal data is handled per GDPR)',
            'customer-profile (data asset — Name, address and e-mail)'
        ]);
        expect(lines).toContain('shop (system — Acme Shop)');
        expect(lines.slice(lines.indexOf('shop (system — Acme Shop)'), lines.indexOf('shop (system — Acme Shop)') + 7)).toEqual([
            'shop (system — Acme Shop)',
            '  edge (loadbalancer — Public load balancer)',
            '  storefront (app — Storefront)',
            '  orders (service — Order service)',
            '  orders-db (database — Orders)',
            '  order-events (queue — Order events)',
            '  nightly-report (job — Nightly sales report)'
        ]);
        expect(lines).toContain('shopper -> edge (flow — shops)');
        expect(lines).toContain('adr-001 (decision — Publish order events to Kafka)');
        expect(lines).toContain('checkout-flow (sequence view — Checkout)');
        expect(lines).toContain('overview (view — Acme Shop at a glance)');
    });

    it('nests regions, zones and nodes under their deployment', async () => {
        const lines = outline(await documentSymbols(example));
        const start = lines.indexOf('production (deployment — Production on AWS eu-west-1)');
        expect(lines.slice(start, start + 6)).toEqual([
            'production (deployment — Production on AWS eu-west-1)',
            '  eu-west-1 (region — AWS eu-west-1)',
            '    alb (node — Application Load Balancer)',
            '    eu-west-1a (zone — Zone A)',
            '      eks-a (node — EKS node group A)',
            '      rds-a (node — RDS primary)'
        ]);
    });

    it('gives each kind of declaration its own symbol kind', async () => {
        const symbols = await documentSymbols(example);
        const kinds = Object.fromEntries(['architecture', 'checkout', 'pci', 'card', 'shopper', 'payments', 'shop', 'orders', 'orders-db',
            'shopper -> edge', 'production', 'eu-west-1', 'eu-west-1a', 'alb', 'adr-001', 'overview']
            .map(name => [name, kindName(find(symbols, name).kind)]));
        expect(kinds).toEqual({
            architecture: 'Package', checkout: 'Interface', pci: 'Constant', card: 'Struct', shopper: 'Object', payments: 'Object',
            shop: 'Namespace', orders: 'Class', 'orders-db': 'Class', 'shopper -> edge': 'Event', production: 'Package',
            'eu-west-1': 'Namespace', 'eu-west-1a': 'Namespace', alb: 'Module', 'adr-001': 'File', overview: 'Function'
        });
    });

    it('selects the id of a declaration and the `a -> b` of a flow, and spans the whole block', async () => {
        const symbols = await documentSymbols('service a "A" {\n  owner "x"\n}\nservice b\na -> b "calls" { async }\n');
        const a = find(symbols, 'a');
        expect(a.selectionRange).toEqual({ start: { line: 0, character: 8 }, end: { line: 0, character: 9 } });
        expect(a.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 2, character: 1 } });
        expect(find(symbols, 'a -> b').selectionRange).toEqual({ start: { line: 4, character: 0 }, end: { line: 4, character: 6 } });
    });

    it('shows a declaration without a title by its kind alone', async () => {
        expect(outline(await documentSymbols('service data\ndata -> data2\nservice data2\n'))).toEqual(['data (service)', 'data -> data2 (flow)', 'data2 (service)']);
    });
});

describe('workspace symbols', () => {
    const files = {
        'a.arch': 'system shop "Shop" {\n  service orders "Orders"\n  database orders-db\n}\nrequirement fast\n',
        'b.arch': 'deployment prod {\n  zone za {\n    node n1 { runs shop.orders }\n  }\n}\nshop.orders -> orders-db\n'
    };

    async function search(query: string): Promise<string[]> {
        const ws = await loadWorkspace(files);
        const symbols = await ws.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query });
        return symbols.map(s => `${s.name} ${kindName(s.kind)} in ${s.containerName ?? '-'} ${'uri' in s.location ? s.location.uri.replace(/.*\//, '') : ''}`).sort();
    }

    it('lists every declaration of the workspace once, with what contains it', async () => {
        expect(await search('')).toEqual([
            'fast Interface in - a.arch',
            'n1 Module in za b.arch',
            'orders Class in shop a.arch',
            'orders-db Class in shop a.arch',
            'prod Package in - b.arch',
            'shop Namespace in - a.arch',
            'za Namespace in prod b.arch'
        ]);
    });

    it('finds a nested element by its id, not twice through its dotted path', async () => {
        expect(await search('orders')).toEqual(['orders Class in shop a.arch', 'orders-db Class in shop a.arch']);
    });
});

/** The outline with Langium's stream of each node's children, as it was before. */
class WithLangiumsChildren extends ArchwrightDocumentSymbolProvider {
    protected override getChildSymbols(document: LangiumDocument, node: AstNode): DocumentSymbol[] | undefined {
        return DefaultDocumentSymbolProvider.prototype['getChildSymbols'].call(this, document, node);
    }
}

describe('whole-file answers from walks without streams', () => {
    it('give the outline and the links that Langium\'s streams gave, on the fixtures and 60 mutations', async () => {
        const fixtures = loadFixtures();
        const random = new Random(20261127);
        const texts = [...fixtures, ...Array.from({ length: 60 }, () => mutate(random.pick(fixtures), random, fixtures).text)];
        texts.push('service s {\n  link "https://a"\n  runbook "docs/run.md"\n}\nsystem t {\n  service u { dashboard "https://b" }\n  source "src/u"\n}\n');
        for (const text of texts) {
            const ws = await loadWorkspace({ 'shop.arch': text });
            const doc = ws.doc('shop.arch');
            const params = { textDocument: { uri: doc.uri.toString() } };
            const before = new WithLangiumsChildren(ws.services as ArchwrightServices).getSymbols(doc, params);
            expect(await ws.services.lsp.DocumentSymbolProvider!.getSymbols(doc, params)).toEqual(before);
            const provider = ws.services.lsp.DocumentLinkProvider! as unknown as { linkOf(d: LangiumDocument, p: LinkProperty): unknown };
            const streamed = AstUtils.streamAst(doc.parseResult.value).filter(isLinkProperty).map(p => provider.linkOf(doc, p)).filter(l => l !== undefined).toArray();
            expect(await ws.services.lsp.DocumentLinkProvider!.getDocumentLinks(doc, params)).toEqual(streamed);
        }
    }, 60_000);
});

