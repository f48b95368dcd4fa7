import { MultiMapScope, type AstNodeDescription } from 'langium';
import { describe, expect, it } from 'vitest';
import { Random } from '../fuzz/mutations.js';
import { loadWorkspace, WORKSPACE_ROOT, type Workspace } from '../helpers.js';

// ModelFolders keeps each folder's declarations in step with Langium's index file by file: an
// edit takes out what the edited file declared and adds what it declares now, instead of
// gathering the whole model again (server/src/language/model-folders.ts). The oracle for every
// step is what Langium's whole index says, gathered as before.

const FILES: Record<string, string> = {
    'a.arch': 'system shop "Shop" {\n  service orders "Orders"\n}\ndatabase db "DB"\n',
    'b.arch': 'service billing "Billing"\nbilling -> shop.orders "asks"\n',
    'c.arch': 'data card "Card" { class payment }\nrequirement up "Up" { kind availability }\n'
};

type Entry = AstNodeDescription;
const where = (d: Entry) => `${d.name}:${d.type}@${d.documentUri.toString().replace(WORKSPACE_ROOT, '')}`;
const TYPES = ['Named', 'Element', 'DataAsset', 'Requirement'];

/** What ModelFolders answers: ids with every declaration, every declaration in order, and what references of each type resolve to. */
function answers(ws: Workspace, names: readonly string[]): unknown {
    const folders = ws.shared.model.ModelFolders;
    const uri = WORKSPACE_ROOT + 'a.arch';
    const ids = [...folders.idsOf(folders.folderOf(uri))].map(([name, all]) => `${name}=${all.map(where).join(',')}`).sort();
    const scopes = TYPES.map(type => {
        const scope = folders.scopeOf(uri, type);
        return [type, names.map(n => { const d = scope.getElement(n); return d ? where(d) : `${n}:-`; }), scope.getAllElements().map(where).toArray()];
    });
    return { ids, all: folders.declarationsOf(uri).map(where).toArray(), scopes };
}

/** The same answers gathered from Langium's whole index, as before ModelFolders followed it file by file. */
function fromWholeIndex(ws: Workspace, names: readonly string[]): unknown {
    const folders = ws.shared.model.ModelFolders;
    const folder = folders.folderOf(WORKSPACE_ROOT + 'a.arch');
    const reflection = ws.shared.AstReflection;
    const entries = ws.shared.workspace.IndexManager.allElements().filter(d => folders.folderOf(d.documentUri) === folder).toArray();
    // The declarations of a name in the order of files and places, whatever order the index has
    // the files in (a reference to an id declared twice resolves to the first).
    const placed = [...entries].sort((a, b) => a.documentUri.toString() < b.documentUri.toString() ? -1 : a.documentUri.toString() > b.documentUri.toString() ? 1
        : (a.nameSegment?.offset ?? 0) - (b.nameSegment?.offset ?? 0));
    const ids = new Map<string, Entry[]>();
    for (const d of placed) if (!d.name.includes('.') && d.type !== 'Instance') ids.set(d.name, [...ids.get(d.name) ?? [], d]);
    const scopes = TYPES.map(type => {
        const scope = new MultiMapScope(entries.filter(d => reflection.isSubtype(d.type, type)));
        const byPlace = new MultiMapScope(placed.filter(d => reflection.isSubtype(d.type, type)));
        return [type, names.map(n => { const d = byPlace.getElement(n); return d ? where(d) : `${n}:-`; }), scope.getAllElements().map(where).toArray()];
    });
    return { ids: [...ids].map(([name, all]) => `${name}=${all.map(where).join(',')}`).sort(), all: entries.map(where), scopes };
}

async function expectInStep(ws: Workspace): Promise<void> {
    const names = [...new Set(ws.shared.workspace.IndexManager.allElements().map(d => d.name).toArray()), 'missing'].sort();
    expect(answers(ws, names)).toEqual(fromWholeIndex(ws, names));
}

describe('the folder index', () => {
    it('follows edits, additions and deletions as a fresh index would', async () => {
        const files = { ...FILES };
        const ws = await loadWorkspace(files);
        await expectInStep(ws);
        const steps: [string, string | undefined][] = [
            ['a.arch', files['a.arch'].replace('"Orders"', '"Order service"')],
            ['a.arch', files['a.arch'].replace('database db', 'database store')],
            ['b.arch', files['b.arch'] + 'service db "Again"\n'], // a duplicate id
            ['c.arch', undefined],
            ['d.arch', 'queue events "Events"\nservice orders "Twice"\n'],
            ['a.arch', 'service solo "Solo"\n'],
            ['c.arch', FILES['c.arch']],
            ['b.arch', undefined]
        ];
        for (const [name, text] of steps) {
            if (text === undefined) {
                await ws.remove(name);
                delete files[name];
            } else {
                files[name] = text;
                await ws.write(name, text);
            }
            await expectInStep(ws);
        }
    });

    it('follows random renames across files', async () => {
        const random = new Random(7);
        const files = { ...FILES };
        const ws = await loadWorkspace(files);
        const ids = ['shop', 'orders', 'db', 'billing', 'card', 'up', 'other'];
        for (let i = 0; i < 30; i++) {
            const name = random.pick(Object.keys(files));
            const from = random.pick(ids.filter(id => new RegExp(`\\b${id}\\b`).test(files[name])));
            if (!from) continue;
            files[name] = files[name].replace(new RegExp(`\\b${from}\\b`), random.pick(ids));
            await ws.write(name, files[name]);
            await expectInStep(ws);
        }
    });
    it('keeps a name\'s declarations in place order when an edit keeps some of a file\'s and changes others', async () => {
        // A file's unchanged declarations keep their descriptions through an edit; only the
        // changed ones are taken out and added again, between the kept ones where they belong.
        const twins = (titles: string[]) => titles.map(t => `service twin "${t}"\nservice other${t} "O"\n`).join('');
        const ws = await loadWorkspace({ ...FILES, 'e.arch': twins(['1', '2', '3']), 'f.arch': 'service twin "F"\n' });
        await expectInStep(ws);
        for (const text of [
            twins(['1', '2b', '3']), // the middle one changes
            twins(['0', '1', '2b', '3']), // a new first one, the others move down
            twins(['0', '1', '3']), // one in the middle goes
            'system box "Box" {\n  service twin "inner"\n}\n' + twins(['0', '1', '3']), // a nested one first
            twins(['3', '1', '0']), // the order turns round
            twins(['x'])
        ]) {
            await ws.write('e.arch', text);
            await expectInStep(ws);
        }
    });
});
