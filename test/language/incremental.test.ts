import { AstUtils, DocumentState, isReference, type LangiumDocument, type ReferenceDescription } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import { Random } from '../fuzz/mutations.js';
import { diagnosticLines, loadWorkspace, type Workspace } from '../helpers.js';

// An edit rebuilds only what it must (server/src/language/document-builder.ts): files that merely
// reference the edited one are relinked but keep their diagnostics while no file's exports change,
// and their ArchModel fragments stay. The oracle for every step is a fresh build of the same files.

const FILES: Record<string, string> = {
    'a.arch': [
        'architecture "Shop" { stage production }',
        'constraint gdpr "GDPR" { kind compliance standard GDPR }',
        'data profile "Customer profile" { class internal }',
        'service orders "Orders" { owner "team" }',
        'database db "DB" { stores profile }',
        ''
    ].join('\n'),
    'b.arch': [
        'orders -> db "writes" {',
        '  protocol SQL',
        '  carries profile',
        '}',
        'service shipping "Shipping"',
        'shipping -> orders "reads"',
        ''
    ].join('\n'),
    'c.arch': 'view landscape "All" { include * }\n'
};

/** Every diagnostic in full (ranges, related information, data), in a stable order. */
function everything(doc: LangiumDocument): string[] {
    return (doc.diagnostics ?? []).map(d => JSON.stringify(d)).sort();
}

async function expectSameAsFresh(ws: Workspace, files: Record<string, string>): Promise<void> {
    const fresh = await loadWorkspace(files);
    for (const name of Object.keys(files)) {
        expect(diagnosticLines(ws.current(name)), `diagnostics of ${name}`).toEqual(diagnosticLines(fresh.current(name)));
        expect(everything(ws.current(name)), `diagnostics of ${name}, in full`).toEqual(everything(fresh.current(name)));
    }
    const strip = (m: unknown) => JSON.parse(JSON.stringify(m));
    expect(strip(ws.model().model)).toEqual(strip(fresh.model().model));
    // The index of references (find references, rename), built after the edited file's diagnostics.
    for (const name of Object.keys(files)) expect(referencesOf(ws, name), `references of ${name}`).toEqual(referencesOf(fresh, name));
    // What each reference resolves to: a node of its file's tree as it is now, with its text and place.
    for (const name of Object.keys(files)) expect(linksOf(ws, name), `links of ${name}`).toEqual(linksOf(fresh, name));
}

/** Each reference of a file: where it is, and the text, place and tree of what it resolves to. */
function linksOf(ws: Workspace, name: string): string[] {
    const doc = ws.current(name);
    return AstUtils.streamAst(doc.parseResult.value).flatMap(node => AstUtils.streamReferences(node)).map(({ reference }) => {
        if (!isReference(reference)) return JSON.stringify([reference.$refText, 'several']);
        const target = reference.ref;
        if (!target) return JSON.stringify([reference.$refText, reference.$refNode?.range, 'unresolved']);
        const root = AstUtils.findRootNode(target);
        const file = root.$document?.uri.path.split('/').pop();
        return JSON.stringify([reference.$refText, reference.$refNode?.range, file, root === root.$document?.parseResult.value ? 'current' : 'replaced',
            target.$cstNode?.text, target.$cstNode?.range, reference.$nodeDescription?.path, reference.$nodeDescription?.nameSegment?.range]);
    }).toArray();
}

/** The index's references from a file, in a stable order, with the files named as in the workspace. */
function referencesOf(ws: Workspace, name: string): string[] {
    const index = (ws.shared.workspace.IndexManager as unknown as { referenceIndex: Map<string, ReferenceDescription[]> }).referenceIndex;
    return (index.get(ws.uri(name)) ?? []).map(r => JSON.stringify([r.sourcePath, r.targetUri.toString(), r.targetPath, r.segment.range, r.segment.offset, r.segment.length, r.local])).sort();
}

describe('incremental rebuilds', () => {
    it('gives after every edit what a fresh build of the same files gives', async () => {
        const files = { ...FILES };
        const ws = await loadWorkspace(files);
        await expectSameAsFresh(ws, files);
        const edits: [string, (text: string) => string][] = [
            // Exports unchanged: a title, a property, lines inserted above every declaration.
            ['a.arch', t => t.replace('"Orders"', '"Order service"')],
            ['a.arch', t => '// moved down\n\n' + t],
            // Exports unchanged, but the model's answer about b changes: pii on an unencrypted flow.
            ['a.arch', t => t.replace('class internal', 'class pii')],
            ['a.arch', t => t.replace('class pii', 'class internal')],
            // The kind of a declaration changes: b's `carries profile` no longer names data.
            ['a.arch', t => t.replace('data profile "Customer profile" { class internal }', 'service profile "Customer profile"')],
            ['a.arch', t => t.replace('service profile "Customer profile"', 'data profile "Customer profile" { class internal }')],
            // A name goes away and comes back.
            ['a.arch', t => t.replace('service orders', 'service order')],
            ['a.arch', t => t.replace('service order ', 'service orders ')],
            // A duplicate id appears in b, then b changes only a title.
            ['b.arch', t => t + 'service db "Again"\n'],
            ['a.arch', t => '\n\n' + t],
            ['b.arch', t => t.replace('"Shipping"', '"Shipping service"')],
            // A syntax error in a, then mended.
            ['a.arch', t => t.replace('service orders', 'service orders {')],
            ['a.arch', t => t.replace('service orders {', 'service orders')],
            // Declarations added and removed before others: those after are kept at other places (paths).
            ['a.arch', t => 'service extra "Extra"\n' + t],
            ['a.arch', t => t.replace('service extra "Extra"\n', '')],
            ['b.arch', t => 'extra2 -> extra3\n' + t],
            ['b.arch', t => t.replace('extra2 -> extra3\n', '')]
        ];
        for (const [name, edit] of edits) {
            files[name] = edit(files[name]);
            await ws.write(name, files[name]);
            await expectSameAsFresh(ws, files);
        }
        await ws.remove('a.arch');
        delete files['a.arch'];
        await expectSameAsFresh(ws, files);
        files['a.arch'] = FILES['a.arch'];
        await ws.write('a.arch', files['a.arch']);
        await expectSameAsFresh(ws, files);
    });

    it('does not revalidate a file that only references the edited one when no export changed', async () => {
        const files = { ...FILES };
        const ws = await loadWorkspace(files);
        const validator = ws.services.validation.DocumentValidator;
        const validate = vi.spyOn(validator, 'validateDocument');
        const validated = () => validate.mock.calls.map(([doc]) => doc.uri.path.split('/').pop());

        await ws.write('a.arch', files['a.arch'].replace('"Orders"', '"Order service"'));
        expect(validated()).toEqual(['a.arch']);
        expect(ws.current('b.arch').references.every(r => r.error === undefined)).toBe(true);

        validate.mockClear();
        await ws.write('a.arch', files['a.arch'].replace('database db', 'queue db'));
        expect(validated().sort()).toEqual(['a.arch', 'b.arch']);
    });

    it('keeps what untouched declarations contribute to the model, and rebuilds what an edit touched or moved', async () => {
        const lines = Array.from({ length: 12 }, (_, i) => `service s${i} "S${i}" { owner "team" }`);
        const ws = await loadWorkspace({ 'many.arch': lines.join('\n') + '\n' });
        const before = new Map(ws.model().model.elements.map(e => [e.id, e]));
        // A title typed in s6: its neighbours s5 and s7 are reparsed too; the others stay where they are.
        await ws.write('many.arch', lines.join('\n').replace('"S6"', '"S6x"') + '\n');
        const after = ws.model().model.elements;
        expect(after.find(e => e.id === 's6')?.title).toBe('S6x');
        expect(after.filter(e => e === before.get(e.id)).map(e => e.id)).toEqual(['s0', 's1', 's2', 's3', 's4', 's8', 's9', 's10', 's11']);
        // A new line at the top moves every declaration: all are rebuilt, at their new lines.
        await ws.write('many.arch', '\n' + lines.join('\n').replace('"S6"', '"S6x"') + '\n');
        const moved = ws.model().model.elements;
        expect(moved.filter(e => after.includes(e))).toEqual([]);
        expect(moved.find(e => e.id === 's0')?.decl.name.range.start.line).toBe(1);
    });

    it('validates the edited file before it relinks the files that reference it', async () => {
        const files = { ...FILES };
        const ws = await loadWorkspace(files);
        const events: string[] = [];
        const builder = ws.shared.workspace.DocumentBuilder;
        const name = (doc: LangiumDocument) => doc.uri.path.split('/').pop();
        builder.onDocumentPhase(DocumentState.Linked, doc => { events.push(`linked ${name(doc)}`); });
        builder.onDocumentPhase(DocumentState.Validated, doc => { events.push(`validated ${name(doc)}`); });
        await ws.write('a.arch', files['a.arch'].replace('"Orders"', '"Order service"'));
        expect(events.indexOf('validated a.arch')).toBeGreaterThan(-1);
        expect(events.indexOf('validated a.arch')).toBeLessThan(events.indexOf('linked b.arch'));

        // When the edit changes what a.arch exports, b.arch is relinked and validated with it as before.
        events.length = 0;
        await ws.write('a.arch', files['a.arch'].replace('service orders', 'service order'));
        expect(events.indexOf('linked b.arch')).toBeLessThan(events.indexOf('validated a.arch'));
        await expectSameAsFresh(ws, { ...files, 'a.arch': files['a.arch'].replace('service orders', 'service order') });
    });

    // With the files that reference the edited one relinked (b.arch references a.arch), the edited
    // file is validated first, and its references indexed after its diagnostics are out.
    // With the files that reference the edited one relinked (b.arch references a.arch), the edited
    // file is validated first, and its references indexed once its diagnostics are out.
    it("publishes the edited file's diagnostics before it indexes its references, and indexes them all the same", async () => {
        const files = { ...FILES };
        const ws = await loadWorkspace(files);
        const builder = ws.shared.workspace.DocumentBuilder;
        let atValidated: string[] | undefined;
        let asked: Promise<string[]> | undefined;
        const listener = builder.onDocumentPhase(DocumentState.Validated, doc => {
            if (doc.uri.toString() !== ws.uri('a.arch')) return;
            atValidated = referencesOf(ws, 'a.arch');
            // Finding references asked now waits for the whole build, which ends after the index is up to date.
            asked = builder.waitUntil(DocumentState.IndexedReferences).then(() => referencesOf(ws, 'a.arch'));
        });
        const before = referencesOf(ws, 'a.arch');
        const edited = { ...files, 'a.arch': files['a.arch'] + 'orders -> db "reads"\n' };
        await ws.write('a.arch', edited['a.arch']);
        listener.dispose();
        // Langium takes a changed file's references out of the index as the update starts.
        expect(atValidated).toEqual([]);
        expect(referencesOf(ws, 'a.arch')).toHaveLength(before.length + 2);
        expect(await asked).toEqual(referencesOf(ws, 'a.arch'));
        await expectSameAsFresh(ws, edited);
    });

    it('relinks the references to an id that a file sorting first comes to declare too', async () => {
        const files: Record<string, string> = { 'b.arch': 'service db "DB"\n', 'c.arch': 'service app "App"\napp -> db "reads"\n' };
        const ws = await loadWorkspace(files);
        // a.arch sorts first: references to the id, now declared twice, resolve to its declaration,
        // also in c.arch, which points into none of the changed files and has nothing unresolved.
        files['a.arch'] = 'database db "Again"\n';
        await ws.write('a.arch', files['a.arch']);
        await expectSameAsFresh(ws, files);
        const targets = ws.current('c.arch').references.map(r => (isReference(r) && r.ref ? AstUtils.getDocument(r.ref).uri.toString() : undefined));
        expect(targets).toEqual([ws.uri('c.arch'), ws.uri('a.arch')]);
        // Typing in a title declares nothing new: nothing is relinked for it (nothing points into b.arch now).
        const linked: string[] = [];
        const listener = ws.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, doc => { linked.push(doc.uri.path.split('/').pop()!); });
        files['b.arch'] = 'service db "DB!"\n';
        await ws.write('b.arch', files['b.arch']);
        listener.dispose();
        expect(linked).toEqual(['b.arch']);
        await expectSameAsFresh(ws, files);
    });

    // Random sequences of the edits that matter to incremental rebuilds: exports kept or changed,
    // kinds changed, lines shifted, readiness inputs changed, flows and files added and removed,
    // syntax errors made and mended. After every step: what a fresh build gives.
    const EDITS: ((files: Record<string, string>, random: Random) => [string, string | undefined])[] = [
        (files, random) => { const name = random.pick(Object.keys(files)); return [name, files[name].replace(/"([^"\n]*)"/, (_m, t: string) => `"${t}!"`)]; },
        (files, random) => { const name = random.pick(Object.keys(files)); return [name, '\n// shifted\n' + files[name]]; },
        files => ['a.arch', files['a.arch'].includes('service orders') ? files['a.arch'].replace('service orders', 'service order') : files['a.arch'].replace('service order ', 'service orders ')],
        files => ['a.arch', files['a.arch'].includes('database db') ? files['a.arch'].replace('database db', 'queue db') : files['a.arch'].replace('queue db', 'database db')],
        files => ['a.arch', files['a.arch'].includes('class internal') ? files['a.arch'].replace('class internal', 'class pii') : files['a.arch'].replace('class pii', 'class internal')],
        files => ['b.arch', files['b.arch'].includes('shipping -> db') ? files['b.arch'].replace('shipping -> db "audits"\n', '') : files['b.arch'] + 'shipping -> db "audits"\n'],
        files => ['d.arch', files['d.arch'] === undefined ? 'service billing "Billing" { owner "team" }\nbilling -> orders "charges"\n' : undefined],
        files => ['b.arch', files['b.arch'].includes('protocol SQL {') ? files['b.arch'].replace('protocol SQL {', 'protocol SQL') : files['b.arch'].replace('protocol SQL', 'protocol SQL {')],
        files => ['d.arch', files['d.arch'] === undefined ? 'service orders "Again"\n' : files['d.arch'] + 'data profile "Twice"\n']
    ];

    for (const seed of [1, 2, 3, 4, 5]) {
        it(`gives what a fresh build gives after each of 40 random edits (seed ${seed})`, async () => {
            const random = new Random(seed);
            const files: Record<string, string> = { ...FILES };
            const ws = await loadWorkspace(files);
            for (let step = 0; step < 40; step++) {
                const [name, text] = random.pick(EDITS)(files, random);
                if (text === undefined) {
                    if (!(name in files)) continue;
                    delete files[name];
                    await ws.remove(name);
                } else {
                    files[name] = text;
                    await ws.write(name, text);
                }
                await expectSameAsFresh(ws, files);
            }
        });
    }
});
