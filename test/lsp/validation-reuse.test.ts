// The document validator keeps what its checks said of each top-level declaration that incremental
// parsing kept (lsp/document-validator.ts, validateAstNodes). After any edit, the edited file's
// diagnostics must be those of a fresh build of the same files.
import { DocumentState } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { archwrightFiles, plan } from '../../bench/generate.mjs';
import type { ArchwrightAstType } from '../../server/src/language/generated/ast.js';
import type { ArchwrightDocumentValidator } from '../../server/src/lsp/document-validator.js';
import { loadFixtures, Random } from '../fuzz/mutations.js';
import { loadWorkspace, type Workspace } from '../helpers.js';

const shape = (d: Diagnostic) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message, data: d.data, related: d.relatedInformation });

async function fresh(files: Record<string, string>, name: string): Promise<unknown[]> {
    const ws = await loadWorkspace(files);
    return (ws.doc(name).diagnostics ?? []).map(shape);
}

const validator = (ws: Workspace) => ws.services.validation.DocumentValidator as ArchwrightDocumentValidator;

/** Edits as people make them, most inside one declaration, some that change names, kinds or lines. */
function edit(text: string, random: Random): string {
    const strings = [...text.matchAll(/"[^"\n\\]*"/g)];
    const lines = text.split('\n');
    switch (random.int(8)) {
        case 0: case 1: {
            if (strings.length === 0) return text;
            const s = random.pick(strings);
            const at = s.index! + 1 + random.int(s[0].length - 1);
            return text.slice(0, at) + random.pick(['a', ' ', 'Z']) + text.slice(at);
        }
        case 2: {
            const at = random.int(lines.length);
            return [...lines.slice(0, at), random.pick(['', '// note', '  ']), ...lines.slice(at)].join('\n');
        }
        case 3: return text.replace(/\b(service|database|queue|app)\b/, () => random.pick(['service', 'database', 'queue', 'app']));
        case 4: {
            const ids = [...text.matchAll(/^(?:service|database|queue|app|external|person) ([a-z][\w-]*)/gm)].map(m => m[1]);
            if (ids.length === 0) return text;
            const id = random.pick(ids);
            return text.replace(new RegExp(`\\b${id}\\b`), `${id}x`);
        }
        case 5: return `${text}\nservice extra${random.int(3)} "Extra" {\n  technology "Go"\n}\n`;
        case 6: {
            const ids = [...text.matchAll(/^(?:service|database|queue|app) ([a-z][\w-]*)/gm)].map(m => m[1]);
            return ids.length < 2 ? text : `${text}\n${random.pick(ids)} -> ${random.pick(ids)} "calls"\n`;
        }
        default: {
            const at = random.int(lines.length);
            return [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n');
        }
    }
}

describe('validation kept per declaration', () => {
    it('gives a fresh build\'s diagnostics after 40 edits of the S model and the fixtures, and keeps most declarations\' checks', { timeout: 120_000 }, async () => {
        const files: Record<string, string> = Object.fromEntries(archwrightFiles(plan('S')));
        loadFixtures().slice(0, 2).forEach((text, i) => { files[`fixture-${i}.arch`] = text; });
        const ws = await loadWorkspace(files);
        const random = new Random(20261126);
        const names = Object.keys(files);
        let kept = 0;
        for (let step = 0; step < 40; step++) {
            const name = random.pick(names);
            files[name] = edit(files[name], random);
            await ws.write(name, files[name]);
            kept += validator(ws).lastValidation.kept;
            expect((ws.current(name).diagnostics ?? []).map(shape), `step ${step}, ${name}`).toEqual(await fresh(files, name));
        }
        expect(kept).toBeGreaterThan(100);
    });

    it('checks a declaration again when what another file exports changes its answer', async () => {
        const services = Array.from({ length: 6 }, (_, i) => `service s${i} "S${i}" {\n  technology "Go"\n}\n`).join('');
        const files = {
            'a.arch': `service api "API" {\n  technology "Go"\n}\n${services}queue events "Events"\napi -> events "publishes"\n`,
            'b.arch': 'database store "Store"\n'
        };
        const ws = await loadWorkspace(files);
        // Title edits at the end of a.arch: the declarations far from it are kept, api among them, from
        // the first edit on (the first build validated with every category, edits with Langium's
        // built-in and fast ones: the same checks, as no slow one is registered).
        await ws.write('a.arch', files['a.arch'].replace('"Events"', '"The events"'));
        expect(validator(ws).lastValidation.kept).toBeGreaterThan(4);
        await ws.write('a.arch', files['a.arch'].replace('"Events"', '"All events"'));
        expect(validator(ws).lastValidation.kept).toBeGreaterThan(4);
        // b.arch now declares api too: a.arch's api is a duplicate, which a.arch's next validation must say.
        await ws.write('b.arch', `${files['b.arch']}service api "Other API"\n`);
        await ws.write('a.arch', files['a.arch'].replace('"Events"', '"Our events"'));
        expect((ws.current('a.arch').diagnostics ?? []).map(d => d.code)).toContain('duplicate-id');
    });

    it('keeps, when an id is renamed, the checks of the declarations that read nothing of it', async () => {
        const services = Array.from({ length: 6 }, (_, i) => `service s${i} "S${i}" {\n  technology "Go"\n}\ns${i} -> store "writes"\n`).join('');
        const files: Record<string, string> = { 'a.arch': `${services}api -> store "reads"\n`, 'b.arch': 'database store "Store"\nservice api "API"\n' };
        const ws = await loadWorkspace(files);
        await ws.write('a.arch', files['a.arch'] = files['a.arch'].replace('"S5"', '"S five"'));
        // What a.arch's validations kept, when b.arch's edits relink it.
        const keptInA: number[] = [];
        ws.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, doc => {
            if (doc.uri.path.endsWith('/a.arch')) keptInA.push(validator(ws).lastValidation.kept);
        });
        // Renaming api changes what b.arch exports: a.arch's flow from api must now say it names
        // nothing. Its six services read nothing of b.arch and keep their answer; its flows to store
        // are checked again, as store was parsed again with api (incremental parsing takes one more
        // declaration on each side of an edit).
        for (const [from, to] of [['service api', 'service apx'], ['service apx', 'service api']]) {
            keptInA.length = 0;
            await ws.write('b.arch', files['b.arch'] = files['b.arch'].replace(from, to));
            expect(keptInA.length).toBe(1);
            expect(keptInA[0]).toBe(6);
            expect((ws.current('a.arch').diagnostics ?? []).map(shape), to).toEqual(await fresh(files, 'a.arch'));
        }
        // An id declared a second time: the declaration that has it must say so, whatever else it kept.
        await ws.write('b.arch', files['b.arch'] = `${files['b.arch']}service s3 "Another"\n`);
        expect((ws.current('a.arch').diagnostics ?? []).map(d => d.code)).toContain('duplicate-id');
        expect((ws.current('a.arch').diagnostics ?? []).map(shape)).toEqual(await fresh(files, 'a.arch'));
    });

    it('checks a declaration again when another file changes the kind of what it refers to', async () => {
        const services = Array.from({ length: 6 }, (_, i) => `service s${i} "S${i}"\n`).join('');
        const a = `view inside "Inside" of shop\n${services}queue events "Events"\n`;
        const files: Record<string, string> = { 'a.arch': a, 'b.arch': 'system shop "Shop"\n' };
        const ws = await loadWorkspace(files);
        await ws.write('a.arch', a.replace('"Events"', '"The events"'));
        await ws.write('a.arch', files['a.arch'] = a.replace('"Events"', '"All events"'));
        expect(validator(ws).lastValidation.kept).toBeGreaterThan(4);
        expect((ws.current('a.arch').diagnostics ?? []).map(d => d.code)).not.toContain('wrong-kind');
        // shop becomes a service: a view of it now needs a system.
        await ws.write('b.arch', files['b.arch'] = 'service shop "Shop"\n');
        expect((ws.current('a.arch').diagnostics ?? []).map(d => d.code)).toContain('wrong-kind');
        expect((ws.current('a.arch').diagnostics ?? []).map(shape)).toEqual(await fresh(files, 'a.arch'));
    });

    it('keeps the checks of the elements of a system that an edit inside one of them did not touch', async () => {
        // c is nested in a service (misplaced: only a system holds elements) and has a property that
        // does not apply to it; d is the element being edited; e declares an id that a.arch has too.
        const nested = (title: string, extra = '') =>
            `service p "P" {\n  service c "C" {\n    stores profile\n  }\n  service d "${title}" {\n    technology "Go"${extra}\n  }\n  service e "E" {\n    service dup "Dup"\n  }\n}\n`;
        const files: Record<string, string> = { 'a.arch': 'service dup "First"\ndata profile "Profile"\n', 'b.arch': nested('D') };
        const ws = await loadWorkspace(files);
        let keptElements = 0;
        for (const [title, extra] of [['D1', ''], ['D2', ''], ['D3', '\n\n    owner "team"'], ['D4', '']]) {
            await ws.write('b.arch', files['b.arch'] = nested(title, extra));
            // The last validation is b.arch's unless lines moved (a.arch's duplicate then names a new place).
            if (!extra) keptElements += validator(ws).lastValidation.keptElements;
            expect((ws.current('b.arch').diagnostics ?? []).map(shape), title).toEqual(await fresh(files, 'b.arch'));
        }
        expect(keptElements).toBeGreaterThan(0);
        expect((ws.current('b.arch').diagnostics ?? []).map(d => d.code)).toEqual(expect.arrayContaining(['misplaced-property', 'duplicate-id']));
        // profile becomes a service in a.arch: c, kept, must now say that it stores no data.
        await ws.write('a.arch', files['a.arch'] = files['a.arch'].replace('data profile', 'service profile'));
        expect((ws.current('b.arch').diagnostics ?? []).map(d => d.code)).toContain('wrong-kind');
        expect((ws.current('b.arch').diagnostics ?? []).map(shape)).toEqual(await fresh(files, 'b.arch'));
        // p becomes a system: c's answer about where it is nested changes.
        await ws.write('b.arch', files['b.arch'] = files['b.arch'].replace('service p', 'system p'));
        expect((ws.current('b.arch').diagnostics ?? []).map(shape)).toEqual(await fresh(files, 'b.arch'));
        await ws.write('b.arch', files['b.arch'] = files['b.arch'].replace('"D4"', '"D5"'));
        expect((ws.current('b.arch').diagnostics ?? []).map(shape)).toEqual(await fresh(files, 'b.arch'));
    });

    it('records what a declaration read, however much, for the one that holds it', async () => {
        // 100,000 references in an element nested two levels down: more than a call's arguments can carry.
        // The element after it repeats a property: its checks must still run.
        const text = `requirement r "R"\nsystem outer "O" {\n  system inner "I" {\n    service s "S" { satisfies ${'r, '.repeat(99_999)}r }\n`
            + '    service t "T" { owner "a" owner "b" }\n  }\n}\n';
        const ws = await loadWorkspace({ 'a.arch': text });
        expect((ws.doc('a.arch').diagnostics ?? []).map(d => d.code)).toEqual(['duplicate-property']);
        await ws.write('a.arch', text.replace('"O"', '"Outer"'));
        expect((ws.current('a.arch').diagnostics ?? []).map(d => d.code)).toEqual(['duplicate-property']);
    }, 60_000);

    it('never keeps what carries positions of its own: a duplicate id names where the other one is', async () => {
        const services = Array.from({ length: 6 }, (_, i) => `service s${i} "S${i}"\n`).join('');
        const a = `service dup "First"\n${services}service dup "Second"\n`;
        const files: Record<string, string> = { 'a.arch': a };
        const ws = await loadWorkspace(files);
        await ws.write('a.arch', a.replace('"S5"', '"S five"'));
        // Lines added before the second dup: the first one's related location must follow it.
        await ws.write('a.arch', files['a.arch'] = a.replace('service s5', '\n\nservice s5'));
        expect((ws.current('a.arch').diagnostics ?? []).map(shape)).toEqual(await fresh(files, 'a.arch'));
    });
    it('checks every declaration again when the categories asked for hold a check that the kept answers did not run', async () => {
        const files = { 'a.arch': Array.from({ length: 6 }, (_, i) => `service s${i} "S${i}"\n`).join('') };
        const ws = await loadWorkspace(files);
        ws.services.validation.ValidationRegistry.register<ArchwrightAstType>({ Element: (node, accept) => accept('hint', 'a slow check', { node }) }, undefined, 'slow');
        // An edit validates with Langium's built-in and fast categories: the answers kept are the fast checks'.
        await ws.write('a.arch', files['a.arch'].replace('"S5"', '"S five"'));
        expect((ws.current('a.arch').diagnostics ?? []).filter(d => d.message === 'a slow check')).toEqual([]);
        // Every category: the slow check runs on every declaration, none is replayed without it.
        const doc = ws.current('a.arch');
        await ws.shared.workspace.DocumentBuilder.build([doc], { validation: true });
        expect(validator(ws).lastValidation.kept).toBe(0);
        expect((doc.diagnostics ?? []).filter(d => d.message === 'a slow check')).toHaveLength(6);
    });
});
