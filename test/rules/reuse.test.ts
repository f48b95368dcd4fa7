import { describe, expect, it } from 'vitest';
import { archwrightFiles, plan } from '../../bench/generate.mjs';
import type { ArchModel } from '../../server/src/model/arch-model.js';
import { indexModel } from '../../server/src/model/graph.js';
import { checkReadiness } from '../../server/src/rules/engine.js';
import { READINESS_RULES } from '../../server/src/rules/registry.js';
import { reuseDiagnostics, UNREAD_FIELDS } from '../../server/src/rules/reuse.js';
import { loadFixtures, Random } from '../fuzz/mutations.js';
import { loadWorkspace } from '../helpers.js';

// Readiness diagnostics are reused after an edit that changed only what no rule reads (titles,
// descriptions, positions: server/src/rules/reuse.ts). Two things make that safe, and both are
// tested here: no rule reads the fields reuse ignores, and the reused diagnostics are what the
// rules give on the edited model.

/** The S model of the benchmark (9 files, 27 readiness findings) and a production model with fixes in every file. */
const BENCH: Record<string, string> = Object.fromEntries(archwrightFiles(plan('S')));
const SHOP: Record<string, string> = {
    'a.arch': [
        'architecture "Shop" {',
        '  stage production',
        '}',
        'requirement up "Always up" { kind availability target 99.95% }',
        'data card "Card" { class payment }',
        'person buyer "Buyer"',
        'service api "API" {',
        '  description "The front door"',
        '  satisfies up',
        '  monitoring logs',
        '}',
        'database db "DB" { stores card }',
        ''
    ].join('\n'),
    'b.arch': [
        '// Flows',
        'buyer -> api "buys" { carries card }',
        'api -> db "writes" {',
        '  protocol SQL',
        '  carries card',
        '}',
        'db -> api "notifies"',
        ''
    ].join('\n')
};

/** Every model list item (and what it nests) with its unread fields turned into getters that record reads. */
function recordingReads(model: ArchModel, reads: string[]): ArchModel {
    const copy = structuredClone(model);
    const seen = new WeakSet<object>();
    const instrument = (value: unknown, list: string, unread: ReadonlySet<string>): void => {
        if (typeof value !== 'object' || value === null || seen.has(value)) return;
        seen.add(value);
        if (Array.isArray(value)) {
            for (const item of value) instrument(item, list, unread);
            return;
        }
        for (const item of Object.values(value)) instrument(item, list, unread);
        for (const key of unread) {
            const present = Object.hasOwn(value, key);
            const stored = (value as Record<string, unknown>)[key];
            Object.defineProperty(value, key, {
                enumerable: present,
                get() { reads.push(`${list}.${key}`); return stored; }
            });
        }
    };
    for (const [list, unread] of Object.entries(UNREAD_FIELDS)) instrument((copy as unknown as Record<string, unknown>)[list], list, unread);
    return copy;
}

describe('readiness reuse', () => {
    it('ignores only fields that no rule reads, at every stage', async () => {
        const models = [BENCH, SHOP, ...loadFixtures().map(text => ({ 'model.arch': text }))];
        for (const files of models) {
            const built = (await loadWorkspace(files)).model();
            for (const stage of ['whiteboard', 'design', 'production'] as const) {
                const reads: string[] = [];
                const model = recordingReads(built.model, reads);
                const found = checkReadiness(model, indexModel(model), READINESS_RULES, { stage });
                expect(reads, `reads at ${stage}`).toEqual([]);
                // The copy gives what the model gives: the getters hide nothing from the rules.
                expect(found.length).toBe(checkReadiness(built.model, built.index, READINESS_RULES, { stage }).length);
            }
        }
    });

    it('records reads of an unread field (the check above can fail)', async () => {
        const built = (await loadWorkspace(SHOP)).model();
        const reads: string[] = [];
        const model = recordingReads(built.model, reads);
        void model.elements[0].title;
        void model.deployments.length;
        expect(reads).toEqual(['elements.title']);
    });

    it('gives after edits of titles, descriptions, comments and lines what the rules give', async () => {
        const edits: [Record<string, string>, string, (text: string) => string][] = [
            [SHOP, 'a.arch', t => t.replace('"API"', '"The API"')],
            [SHOP, 'a.arch', t => t.replace('"The front door"', '"Where buyers come in"')],
            [SHOP, 'a.arch', t => '// moved down\n\n' + t],
            [SHOP, 'a.arch', t => t.replace('service api "API" {', 'service api "API"    {')],
            [SHOP, 'b.arch', t => t.replace('// Flows', '/* Flows,\n   all of them */')],
            [SHOP, 'b.arch', t => t.replace('  protocol SQL', '\n  protocol SQL')],
            [SHOP, 'a.arch', t => t.replace('"Card"', '"Payment card"').replace('"Buyer"', '"A buyer"')],
            [BENCH, 'architecture.arch', t => '\n'.repeat(3) + t],
            ...Object.keys(BENCH).filter(name => name.startsWith('domains/')).map((name): [Record<string, string>, string, (text: string) => string] =>
                // Every element's title (`service id "Title"`) and description; a blank line after each line.
                [BENCH, name, t => t.replace(/^(\s*[a-z]+ [\w-]+ )"([^"\n]*)"/gm, '$1"$2 (renamed)"')
                    .replace(/^(\s*description )"([^"\n]*)"/gm, '$1"$2, and more"').replace(/\n/g, '\n\n')])
        ];
        let reused = 0;
        for (const [files, name, edit] of edits) {
            const ws = await loadWorkspace(files);
            const before = ws.model();
            const found = checkReadiness(before.model, before.index, READINESS_RULES);
            await ws.write(name, edit(files[name]));
            const after = ws.model();
            const fresh = checkReadiness(after.model, after.index, READINESS_RULES);
            const again = reuseDiagnostics(before.fragments, found, after.fragments);
            expect(again, `reused after editing ${name}`).toBeDefined();
            expect(JSON.stringify(again)).toBe(JSON.stringify(fresh));
            if (found.length > 0) reused++;
        }
        expect(reused).toBeGreaterThan(5);
    });

    it('runs the rules again when an edit changes what they read', async () => {
        const edits: [string, (text: string) => string][] = [
            ['a.arch', t => t.replace('monitoring logs', 'monitoring metrics logs')],
            ['a.arch', t => t.replace('"Always up"', '"Up"')], // a requirement's title is quoted in findings
            ['a.arch', t => t.replace('"Shop"', '"The shop"')], // so is the architecture's
            ['a.arch', t => t.replace('class payment', 'class internal')],
            ['b.arch', t => t.replace('db -> api "notifies"', 'db -> api "notifies" { async }')],
            ['b.arch', t => t.replace('buyer -> api', 'buyer -> db')],
            ['b.arch', t => t + 'service more "More"\n']
        ];
        for (const [name, edit] of edits) {
            const ws = await loadWorkspace(SHOP);
            const before = ws.model();
            const found = checkReadiness(before.model, before.index, READINESS_RULES);
            await ws.write(name, edit(SHOP[name]));
            expect(reuseDiagnostics(before.fragments, found, ws.model().fragments), edit.toString()).toBeUndefined();
        }
    });

    it('matches a fresh build after random edits through the language server path', async () => {
        // The service itself, as the editor uses it: every build's readiness against a fresh run.
        const random = new Random(20261125);
        const files = { ...SHOP };
        const ws = await loadWorkspace(files);
        const titles = ['"A"', '"Bee"', '"Sea and sky"', '""'];
        for (let i = 0; i < 40; i++) {
            const name = random.pick(['a.arch', 'b.arch']);
            const text = files[name];
            const choice = random.int(4);
            files[name] = choice === 0 ? text.replace(/"[^"\n]*"/, random.pick(titles))
                : choice === 1 ? '\n' + text
                    : choice === 2 ? text.replace('\n\n', '\n')
                        : text.replace('monitoring logs', 'monitoring metrics').replace('monitoring metrics\n', 'monitoring logs\n');
            await ws.write(name, files[name]);
            const built = ws.model();
            const served = ws.services.rules.Readiness.byUri(built);
            const fresh = checkReadiness(built.model, built.index, READINESS_RULES);
            for (const uri of new Set([...served.keys(), ...fresh.map(d => d.location.uri)])) {
                expect(JSON.stringify(served.get(uri) ?? [])).toBe(JSON.stringify(fresh.filter(d => d.location.uri === uri)));
            }
        }
    });
});
