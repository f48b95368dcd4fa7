import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadWorkspace } from '../helpers.js';

const EXAMPLE = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

it('puts an "Open in preview" lens on the id of each view, opening that view of that file', async () => {
    const ws = await loadWorkspace(EXAMPLE);
    const lenses = await ws.services.lsp.CodeLensProvider!.provideCodeLens(ws.doc('model.arch'), { textDocument: { uri: ws.uri('model.arch') } });
    const lines = EXAMPLE.split('\n');
    expect(lenses!.map(l => `${l.command!.title}: ${lines[l.range.start.line].slice(l.range.start.character, l.range.end.character)}`)).toEqual([
        'Open in preview: overview', 'Open in preview: inside-shop', 'Open in preview: production-view',
        'Open in preview: checkout-flow', 'Open in preview: traceability', 'Open in preview: card-journey'
    ]);
    expect(lenses![0].command).toEqual({ title: 'Open in preview', command: 'archwright.openPreviewAtView', arguments: [ws.uri('model.arch'), 'overview'] });
});

it('puts no lens in a file without views', async () => {
    const ws = await loadWorkspace('service api "API"');
    expect(await ws.services.lsp.CodeLensProvider!.provideCodeLens(ws.doc('model.arch'), { textDocument: { uri: ws.uri('model.arch') } })).toEqual([]);
});
