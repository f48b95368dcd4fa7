import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { handleDiagram } from '../../server/src/lsp/diagram-handler.js';
import { registerModelChangedNotification } from '../../server/src/lsp/model-changed.js';
import { ModelChangedNotification } from '../../server/src/protocol.js';
import { loadWorkspace } from '../helpers.js';

const EXAMPLE = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

/** A workspace as the server has it once the client said `initialized` (the handler waits for that). */
async function initializedWorkspace(files: Record<string, string> | string) {
    const ws = await loadWorkspace(files);
    await ws.shared.workspace.WorkspaceManager.initialized({});
    return ws;
}

const small = [
    'architecture "T" {\n  stage whiteboard\n}',
    'system shop "Shop" {\n  service api "API" {\n    satisfies nowhere\n  }\n  database db "DB"\n}',
    'api -> db "reads"'
].join('\n');

describe('the archwright/diagram request', () => {
    it('lists the declared views and draws the asked one, with a source map into the file', async () => {
        const ws = await initializedWorkspace(EXAMPLE);
        const result = await handleDiagram(ws.shared, ws.services, { uri: ws.uri('model.arch'), viewId: 'inside-shop', theme: 'dark', version: 7 });
        expect(result.views.map(v => `${v.id} ${v.kind}`)).toEqual([
            'overview landscape', 'inside-shop of', 'production-view deployment', 'checkout-flow sequence', 'traceability requirements', 'card-journey dataflow'
        ]);
        expect(result.viewId).toBe('inside-shop');
        expect(result.title).toBe('Inside the shop');
        expect(result.mermaid).toMatch(/^---\nconfig:\n {2}layout: dagre\n {2}look: classic\n {2}theme: dark\n/);
        expect(result.version).toBe(7);
        expect(result.errorCount).toBe(0);
        expect(result.flagged).toEqual([]);
        const orders = result.nodes.el_orders;
        expect(orders.uri).toBe(ws.uri('model.arch'));
        expect(EXAMPLE.split('\n')[orders.selection.start.line].slice(orders.selection.start.character, orders.selection.end.character)).toBe('orders');
    });

    it('draws the first view when none or an unknown one is asked for', async () => {
        const ws = await initializedWorkspace(EXAMPLE);
        expect((await handleDiagram(ws.shared, ws.services, { uri: ws.uri('model.arch'), theme: 'light' })).viewId).toBe('overview');
        expect((await handleDiagram(ws.shared, ws.services, { uri: ws.uri('model.arch'), viewId: 'gone', theme: 'light' })).viewId).toBe('overview');
    });

    it('offers the automatic views when the model declares none', async () => {
        const ws = await initializedWorkspace(small);
        const result = await handleDiagram(ws.shared, ws.services, { uri: ws.uri('model.arch'), theme: 'light' });
        expect(result.views).toEqual([
            { id: 'landscape', title: 'Landscape', kind: 'landscape', automatic: true },
            { id: 'of-shop', title: 'Inside Shop', kind: 'of', automatic: true }
        ]);
        expect(Object.keys(result.nodes).sort()).toEqual(['el_api', 'el_db', 'el_shop']);
    });

    it('counts the errors and flags the innermost drawn element that has an error, not its system', async () => {
        const ws = await initializedWorkspace(small);
        const result = await handleDiagram(ws.shared, ws.services, { uri: ws.uri('model.arch'), viewId: 'landscape', theme: 'light' });
        expect(result.errorCount).toBe(1);
        expect(result.flagged).toEqual(['el_api']);
        expect(result.mermaid).toContain('class el_api flagged');
    });

    it('counts the errors of every file of the model', async () => {
        const ws = await initializedWorkspace({ 'a.arch': small, 'b.arch': 'service other "Other" {\n  satisfies missing\n}' });
        const result = await handleDiagram(ws.shared, ws.services, { uri: ws.uri('a.arch'), theme: 'light' });
        expect(result.errorCount).toBe(2);
        expect(result.flagged.sort()).toEqual(['el_api', 'el_other']);
    });
});

describe('the archwright/modelChanged notification', () => {
    it('is sent after a build that validated documents, with their URIs', async () => {
        const ws = await initializedWorkspace({ 'a.arch': small });
        const sent: unknown[][] = [];
        const connection = { sendNotification: (...args: unknown[]) => sent.push(args) } as unknown as Connection;
        registerModelChangedNotification({ ...ws.shared, lsp: { ...ws.shared.lsp, Connection: connection } } as typeof ws.shared);
        await ws.write('a.arch', small.replace('"reads"', '"writes"'));
        expect(sent).toEqual([[ModelChangedNotification, { uris: [ws.uri('a.arch')] }]]);
    });
});
