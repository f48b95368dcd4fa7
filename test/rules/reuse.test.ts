import { PackedSource } from '../../server/src/model/packed-source.js';
import { describe, expect, it } from 'vitest';
import { archwrightFiles, plan } from '../../bench/generate.mjs';
import type { ArchModel } from '../../server/src/model/arch-model.js';
import { indexModel } from '../../server/src/model/graph.js';
import { FRAGMENT_LISTS } from '../../server/src/model/model-builder.js';
import { checkReadiness, checkRules, flatten, type ReadinessRun } from '../../server/src/rules/engine.js';
import { READINESS_RULES } from '../../server/src/rules/registry.js';
import { changeBetween, INDEX_READS, keptFindings, readsChanged } from '../../server/src/rules/reuse.js';
import type { ReadinessRule, RuleReads } from '../../server/src/rules/rule.js';
import type { BuiltModel } from '../../server/src/model/model-provider.js';
import { loadFixtures, mutate, Random } from '../fuzz/mutations.js';
import { loadWorkspace } from '../helpers.js';

// After an edit a readiness rule runs again only if the edit changed what it reads; the others keep
// what they found (server/src/rules/reuse.ts). Two things make that safe, and both are tested here:
// each rule reads only the fields it declares (ReadinessRule.reads), and what is kept and run again
// after an edit is what all the rules give on the edited model.

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

const LISTS = FRAGMENT_LISTS;

/**
 * A copy of the model whose every list item (and the architecture) records each read of its fields
 * as `list.field`; a declaration's `decl` records `list.decl.properties.KEYWORD` for the place of a
 * property (present or not) and `list.decl` for the rest.
 */
function recordingReads(model: ArchModel, reads: Set<string>): ArchModel {
    // Sources as plain objects (PackedSource's parts are getters, which a structured clone leaves out).
    const copy = structuredClone(withPlainSources(model));
    const record = (object: Record<string, unknown>, key: string, name: string, value = object[key]) => {
        Object.defineProperty(object, key, { enumerable: true, get() { if (name) reads.add(name); return value; } });
    };
    const instrument = (item: Record<string, unknown>, list: string) => {
        for (const key of Object.keys(item)) {
            const value = item[key];
            if (key === 'decl' && typeof value === 'object' && value !== null) {
                const decl = value as Record<string, unknown>;
                for (const part of Object.keys(decl)) {
                    if (part !== 'properties') record(decl, part, `${list}.decl`);
                    else record(decl, part, '', new Proxy(decl.properties as object, { get(target, keyword, receiver) {
                        if (typeof keyword === 'string') reads.add(`${list}.decl.properties.${keyword}`);
                        return Reflect.get(target, keyword, receiver);
                    } }));
                }
            } else {
                record(item, key, `${list}.${key}`);
            }
        }
    };
    for (const list of LISTS) for (const item of copy[list]) instrument(item as unknown as Record<string, unknown>, list);
    if (copy.architecture) instrument(copy.architecture as unknown as Record<string, unknown>, 'architecture');
    return copy;
}

/** A copy of `value` with each of the model's sources as the plain object it stands for. */
function withPlainSources<T>(value: T): T {
    if (value instanceof PackedSource) return value.toJSON() as T;
    if (Array.isArray(value)) return value.map(withPlainSources) as T;
    if (typeof value !== 'object' || value === null) return value;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = withPlainSources((value as Record<string, unknown>)[key]);
    return copy as T;
}

/** The declared reads as `list.field` names. */
function named(reads: RuleReads): string[] {
    return Object.entries(reads).flatMap(([list, fields]) => Array.isArray(fields) ? fields.map(f => `${list}.${f}`) : []);
}

/** What the engine reads for every rule: each item's allows, the architecture's rules and stage. */
const ENGINE_READS = new Set(['architecture.rules', 'architecture.stage', ...LISTS.map(l => `${l}.allows`)]);

/** The fixtures, the benchmark's S model, the shop, and 60 seeded mutations of the fixtures (each one model). */
function models(): Record<string, string>[] {
    const fixtures = loadFixtures();
    const random = new Random(20261129);
    const mutated = Array.from({ length: 60 }, () => mutate(random.pick(fixtures), random, fixtures).text);
    return [BENCH, SHOP, ...[...fixtures, ...mutated].map(text => ({ 'model.arch': text }))];
}

/** What the readiness service does after an edit: the rules whose reads changed run, the others keep what they found. */
function rerun(before: { fragments: BuiltModel['fragments']; run: ReadinessRun }, after: BuiltModel): { run: ReadinessRun; ran: string[] } {
    const change = changeBetween(before.fragments, after.fragments);
    const ran: string[] = [];
    const run = checkRules(after.model, () => after.index, READINESS_RULES, {}, (rule, position) => {
        if (change && !readsChanged(rule, change)) return keptFindings(before.run.byRule[position], change);
        ran.push(rule.id);
        return undefined;
    });
    return { run, ran };
}

describe('readiness reuse', () => {
    it('each rule reads only what it declares, at every stage', async () => {
        let used = 0;
        for (const files of models()) {
            const built = (await loadWorkspace(files)).model();
            for (const stage of ['whiteboard', 'design', 'production'] as const) {
                for (const rule of [undefined, ...READINESS_RULES]) {
                    const reads = new Set<string>();
                    const model = recordingReads(built.model, reads);
                    const index = indexModel(model);
                    expect([...reads].filter(r => !named(INDEX_READS).includes(r)), 'the index reads what INDEX_READS says').toEqual([]);
                    reads.clear();
                    let readIndex = false;
                    const run = checkRules(model, () => { readIndex = true; return index; }, rule ? [rule] : [], { stage });
                    const allowed = new Set([...ENGINE_READS, ...(rule ? named(rule.reads) : [])]);
                    expect([...reads].filter(r => !allowed.has(r)), `${rule?.id ?? 'the engine'} at ${stage}`).toEqual([]);
                    if (readIndex) expect(rule?.reads.index, `${rule?.id} reads the index`).toBe(true);
                    used += reads.size;
                    // The copy gives what the model gives: the getters hide nothing from the rules.
                    expect(flatten(run).length).toBe(checkReadiness(built.model, built.index, rule ? [rule] : [], { stage }).length);
                }
            }
        }
        expect(used).toBeGreaterThan(1000);
    });

    it('records reads of a field a rule does not declare (the check above can fail)', async () => {
        const built = (await loadWorkspace(SHOP)).model();
        const reads = new Set<string>();
        const model = recordingReads(built.model, reads);
        void model.elements[0].title;
        void model.elements[1].decl.properties.owner;
        void model.deployments.length;
        expect([...reads]).toEqual(['elements.title', 'elements.decl.properties.owner']);
        const sneaky: ReadinessRule = { ...READINESS_RULES.find(r => r.id === 'missing-owner')!, reads: { elements: ['id', 'kind', 'decl', 'decl.properties.owner'] } };
        reads.clear();
        checkRules(model, () => indexModel(model), [sneaky], { stage: 'production' });
        expect(reads.has('elements.owner')).toBe(true);
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
            const found = checkRules(before.model, () => before.index, READINESS_RULES);
            await ws.write(name, edit(files[name]));
            const after = ws.model();
            const fresh = checkReadiness(after.model, after.index, READINESS_RULES);
            const again = rerun({ fragments: before.fragments, run: found }, after);
            expect(again.ran, `rules run again after editing ${name}`).toEqual([]);
            expect(JSON.stringify(flatten(again.run))).toBe(JSON.stringify(fresh));
            if (flatten(found).length > 0) reused++;
        }
        expect(reused).toBeGreaterThan(5);
    });

    it('runs again exactly the rules that read what an edit changed', async () => {
        // The rules that read a field (`elements.*`: anything of the elements), as the rules declare it.
        const reading = (field: string) => READINESS_RULES.filter(rule => {
            const read = [...named(rule.reads), ...(rule.reads.index ? named(INDEX_READS) : [])];
            return field.endsWith('.*') ? read.some(r => r.startsWith(field.slice(0, -1))) : read.includes(field);
        }).map(rule => rule.id);
        const edits: [string, (text: string) => string, string[] | 'all'][] = [
            ['a.arch', t => t.replace('monitoring logs', 'monitoring metrics logs'), ['missing-monitoring', 'missing-tracing']],
            ['a.arch', t => t.replace('  satisfies up', '  satisfies up\n  owner "Team"'), ['missing-owner']],
            ['a.arch', t => t.replace('  satisfies up', '  satisfies up\n  technology "Go"'), ['missing-technology']],
            ['a.arch', t => t.replace('"Always up"', '"Up"'), ['missing-autoscaling']], // a requirement's title is quoted in findings
            ['a.arch', t => t.replace('"Shop"', '"The shop"'), ['no-production-deployment']], // so is the architecture's
            ['a.arch', t => t.replace('class payment', 'class internal'), ['unencrypted-sensitive-flow', 'unencrypted-sensitive-store', 'missing-auth']],
            ['a.arch', t => t.replace('stage production', 'stage design'), READINESS_RULES.filter(r => r.stage === 'design').map(r => r.id)], // all that run at design
            ['a.arch', t => t.replace('service api "API" {', 'service api "API" {\n  allow missing-owner "later"'), 'all'],
            ['a.arch', t => t.replace('database db', 'cache db'), reading('elements.kind')],
            ['b.arch', t => t.replace('db -> api "notifies"', 'db -> api "notifies" { async }'), [...new Set([...reading('flows.async'), ...reading('flows.decl')])]],
            ['b.arch', t => t.replace('  protocol SQL', '  protocol HTTPS'), ['flow-missing-protocol', 'unencrypted-sensitive-flow']],
            ['b.arch', t => t.replace('buyer -> api', 'buyer -> db'), reading('flows.target')],
            ['b.arch', t => t + 'service more "More"\n', reading('elements.*')]
        ];
        for (const [name, edit, expected] of edits) {
            const ws = await loadWorkspace(SHOP);
            const before = ws.model();
            const found = checkRules(before.model, () => before.index, READINESS_RULES);
            await ws.write(name, edit(SHOP[name]));
            const after = ws.model();
            const again = rerun({ fragments: before.fragments, run: found }, after);
            expect(again.ran, edit.toString()).toEqual(expected === 'all' ? READINESS_RULES.map(r => r.id) : READINESS_RULES.map(r => r.id).filter(id => expected.includes(id)));
            expect(JSON.stringify(flatten(again.run)), edit.toString()).toBe(JSON.stringify(checkReadiness(after.model, after.index, READINESS_RULES)));
        }
    });

    it('matches a fresh build after random edits through the language server path', async () => {
        // The service itself, as the editor uses it: every build's readiness against a fresh run.
        const random = new Random(20261125);
        const files = { ...SHOP };
        const ws = await loadWorkspace(files);
        const titles = ['"A"', '"Bee"', '"Sea and sky"', '""'];
        // Each swaps one thing for another and back: what no rule reads, and what some rules read.
        const toggles: [string, string][] = [
            ['monitoring logs', 'monitoring metrics'], ['  satisfies up\n', '  satisfies up\n  owner "Team"\n'], ['protocol SQL', 'protocol HTTPS'],
            ['database db', 'cache db'], ['db -> api "notifies"', 'db -> api "notifies" { async }'], ['buyer -> api', 'buyer -> db'],
            ['class payment', 'class pii'], ['{ stores card }', '{ stores card\n  allow missing-backup "later" }'], ['stage production', 'stage design'],
            ['"Always up" { kind availability', '"Always up" { kind scalability'], ['person buyer', 'external buyer'], ['  carries card\n', '']
        ];
        let partly = 0;
        for (let i = 0; i < 80; i++) {
            const name = random.pick(['a.arch', 'b.arch']);
            const text = files[name];
            const choice = random.int(5);
            const [from, to] = random.pick(toggles);
            files[name] = choice === 0 ? text.replace(/"[^"\n]*"/, random.pick(titles))
                : choice === 1 ? '\n' + text
                    : choice === 2 ? text.replace('\n\n', '\n')
                        : text.includes(from) ? text.replace(from, to) : text.replace(to, from);
            await ws.write(name, files[name]);
            const built = ws.model();
            const served = ws.services.rules.Readiness.byUri(built);
            const ran = ws.services.rules.Readiness.lastRulesRun;
            if (ran > 0 && ran < READINESS_RULES.filter(r => built.model.stage === 'production' || r.stage === 'design').length) partly++;
            const fresh = checkReadiness(built.model, built.index, READINESS_RULES);
            for (const uri of new Set([...served.keys(), ...fresh.map(d => d.location.uri)])) {
                expect(JSON.stringify(served.get(uri) ?? [])).toBe(JSON.stringify(fresh.filter(d => d.location.uri === uri)));
            }
        }
        expect(partly, 'builds that ran some rules and kept the others').toBeGreaterThan(10);
    });
});
