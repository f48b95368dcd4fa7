import { URI } from 'langium';
import type { DocumentLink } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { loadWorkspace, type Workspace } from '../helpers.js';

/** Each link as `the text it underlines -> target (tooltip)`. */
async function links(ws: Workspace, name = 'model.arch'): Promise<string[]> {
    const doc = ws.doc(name);
    const found = await ws.services.lsp.DocumentLinkProvider!.getDocumentLinks(doc, { textDocument: { uri: doc.uri.toString() } }) as DocumentLink[];
    return found.map(link => `${doc.textDocument.getText(link.range)} -> ${link.target} (${link.tooltip})`);
}

const service = (properties: string) => `service orders "Orders" {\n${properties}\n}\n`;

describe('document links', () => {
    it('opens URLs as written, underlining the string without its quotes', async () => {
        const ws = await loadWorkspace(service('  dashboard "https://grafana.example.com/d/orders?x=1"\n  link "mailto:team-orders@example.com"\n  link "http://wiki"'));
        expect(await links(ws)).toEqual([
            'https://grafana.example.com/d/orders?x=1 -> https://grafana.example.com/d/orders?x=1 (Open the dashboard https://grafana.example.com/d/orders?x=1)',
            'mailto:team-orders@example.com -> mailto:team-orders@example.com (Open the link mailto:team-orders@example.com)',
            'http://wiki -> http://wiki (Open the link http://wiki)'
        ]);
    });

    it('resolves a path against the document\'s folder when no workspace folder is open', async () => {
        const ws = await loadWorkspace({ 'arch/shop.arch': service('  source "services/orders"\n  runbook "docs/runbooks/orders.md"') });
        expect(await links(ws, 'arch/shop.arch')).toEqual([
            'services/orders -> file:///workspace/arch/services/orders (Open the source services/orders in the workspace)',
            'docs/runbooks/orders.md -> file:///workspace/arch/docs/runbooks/orders.md (Open the runbook docs/runbooks/orders.md in the workspace)'
        ]);
    });

    it('resolves a path against the workspace folder that holds the document', async () => {
        const ws = await loadWorkspace({ 'arch/shop.arch': service('  runbook "docs/runbooks/orders.md"\n  source "/services/orders"') });
        ws.shared.workspace.WorkspaceManager.initialize({
            processId: null, rootUri: null, capabilities: {},
            workspaceFolders: [{ name: 'other', uri: 'file:///elsewhere' }, { name: 'shop', uri: URI.parse('file:///workspace').toString() }]
        });
        expect(await links(ws, 'arch/shop.arch')).toEqual([
            'docs/runbooks/orders.md -> file:///workspace/docs/runbooks/orders.md (Open the runbook docs/runbooks/orders.md in the workspace)',
            '/services/orders -> file:///workspace/services/orders (Open the source /services/orders in the workspace)'
        ]);
    });

    it('makes no link of an empty value or of a scheme other than http, https and mailto', async () => {
        const ws = await loadWorkspace(service('  link ""\n  link "javascript:alert(1)"\n  link "file:///etc/passwd"\n  runbook "  "'));
        expect(await links(ws)).toEqual([]);
    });

    it('links only link, source, runbook and dashboard values', async () => {
        const ws = await loadWorkspace(service('  description "see https://example.com"\n  healthcheck "/healthz"\n  technology "docs/x.md"'));
        expect(await links(ws)).toEqual([]);
    });
});
