import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { diagnosticLines, loadWorkspace } from '../helpers.js';
import { describeRange, loadAtCursor, type CursorWorkspace } from './cursor-workspace.js';

const shop = 'system shop "Shop" {\n  service orders "Orders"\n}\nrequirement fast "Fast"\n';
const uses = 'person u "U" {\n}\nu -> shop.orders "buys"\nu -> orders "again"\nview inside of shop\n';

async function rename(files: Record<string, string> | string, newName: string): Promise<{ ws: CursorWorkspace; edit?: WorkspaceEdit }> {
    const ws = await loadAtCursor(files);
    const edit = await ws.services.lsp.RenameProvider!.rename(ws.here, { ...ws.params, newName });
    return { ws, edit };
}

/** Each edit as `file:line:col old-text -> new-text`, sorted. */
function editLines(ws: CursorWorkspace, edit: WorkspaceEdit | undefined): string[] {
    return Object.entries(edit?.changes ?? {})
        .flatMap(([uri, edits]) => edits.map(e => `${describeRange(ws, uri, e.range)} -> ${e.newText}`))
        .sort();
}

/** The files after the edit, as the editor would save them. */
function applied(ws: CursorWorkspace, edit: WorkspaceEdit | undefined): Record<string, string> {
    return Object.fromEntries(ws.documents.map(doc => {
        const text = TextDocument.applyEdits(doc.textDocument, edit?.changes?.[doc.uri.toString()] ?? []);
        return [doc.uri.path.split('/').pop()!, text];
    }));
}

describe('rename', () => {
    it('renames a nested element across files, editing only its segment of dotted paths', async () => {
        const { ws, edit } = await rename({ 'a.arch': shop, 'b.arch': uses.replace('u -> orders', 'u -> ord|ers') }, 'order-service');
        expect(editLines(ws, edit)).toEqual([
            'a.arch:2:11 orders -> order-service',
            'b.arch:3:11 orders -> order-service',
            'b.arch:4:6 orders -> order-service'
        ]);
        const after = await loadWorkspace(applied(ws, edit));
        expect(after.documents.flatMap(d => diagnosticLines(d, x => x.severity === 1))).toEqual([]);
        expect(after.model().model.flows.map(f => f.target)).toEqual(['order-service', 'order-service']);
    });

    it('renames a system from a dotted path, editing its segment of paths to its parts', async () => {
        const { ws, edit } = await rename({ 'a.arch': shop, 'b.arch': uses.replace('shop.orders', 'sh|op.orders') }, 'store');
        expect(editLines(ws, edit)).toEqual([
            'a.arch:1:8 shop -> store',
            'b.arch:3:6 shop -> store',
            'b.arch:5:16 shop -> store'
        ]);
    });

    it('renames from the declaration, and accepts a keyword as the new id', async () => {
        const { ws, edit } = await rename('service a|pi "API"\nservice b "B"\napi -> b\nb -> api\n', 'data');
        expect(editLines(ws, edit)).toEqual(['model.arch:1:9 api -> data', 'model.arch:3:1 api -> data', 'model.arch:4:6 api -> data']);
        const after = await loadWorkspace(applied(ws, edit));
        expect(diagnosticLines(after.doc('model.arch'), x => x.severity === 1)).toEqual([]);
    });

    it('refuses a new name that is not an id, saying what an id is', async () => {
        for (const bad of ['new name', '9lives', 'a--b', 'trailing-', 'shop.orders', '']) {
            await expect(rename({ 'a.arch': shop.replace('service orders', 'service ord|ers') }, bad).then(r => r.edit))
                .rejects.toThrow(`'${bad}' is not an id: start with a letter or _, then letters, digits, _ and single inner - (like orders-db).`);
        }
    });

    it('refuses an id that another declaration of the model already has, whatever its kind', async () => {
        await expect(rename({ 'a.arch': shop.replace('service orders', 'service ord|ers'), 'b.arch': uses }, 'fast'))
            .rejects.toThrow('\'fast\' is already the id of a requirement (a.arch:4); ids must be unique across the model.');
        await expect(rename({ 'a.arch': shop.replace('service orders', 'service ord|ers'), 'b.arch': uses }, 'u'))
            .rejects.toThrow('\'u\' is already the id of a person (b.arch:1)');
    });
});

describe('prepare rename', () => {
    async function prepared(text: string): Promise<string | undefined> {
        const ws = await loadAtCursor({ 'a.arch': shop, 'b.arch': text });
        const range = await ws.services.lsp.RenameProvider!.prepareRename(ws.here, ws.params);
        return range && 'start' in range ? describeRange(ws, ws.here.uri.toString(), range) : undefined;
    }

    it('offers the id under the cursor, or the one segment of a dotted path', async () => {
        expect(await prepared('person u|ser "U"\n')).toBe('b.arch:1:8 user');
        expect(await prepared('person u "U"\nu -> shop.ord|ers\n')).toBe('b.arch:2:11 orders');
        expect(await prepared('person u "U"\nu -> s|hop.orders\n')).toBe('b.arch:2:6 shop');
    });

    it('refuses keywords, strings, arrows and unresolved names', async () => {
        expect(await prepared('pers|on u "U"\n')).toBeUndefined();
        expect(await prepared('person u "U|ser"\n')).toBeUndefined();
        expect(await prepared('person u "U"\nu -|> shop\n')).toBeUndefined();
        expect(await prepared('person u "U"\nu -> nowh|ere\n')).toBeUndefined();
    });
});
