import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archwrightFiles, plan } from '../../bench/generate.mjs';
import type { ArchwrightScopeComputation } from '../../server/src/language/scope-computation.js';
import { diagnosticLines, loadWorkspace, repositoryArchTexts } from '../helpers.js';

/** Every file's diagnostics and the model, built as the language server builds them and as the command line does (`once`). */
async function bothWays(files: Record<string, string>) {
    const [kept, once] = await Promise.all([loadWorkspace(files), loadWorkspace(files, { once: true })]);
    const answers = (ws: typeof kept) => ({
        diagnostics: Object.keys(files).map(name => [name, diagnosticLines(ws.doc(name))]),
        model: JSON.stringify(ws.model().model)
    });
    return { kept, once, answers: [answers(kept), answers(once)] };
}

describe('a build that keeps nothing for edits (the command line)', () => {
    it("gives the same diagnostics and model as the language server's on the benchmark's M model", async () => {
        const { answers: [kept, once] } = await bothWays(Object.fromEntries(archwrightFiles(plan('M'))));
        expect(once.diagnostics).toEqual(kept.diagnostics);
        expect(once.model).toBe(kept.model);
        expect(kept.diagnostics.flatMap(([, lines]) => lines).length).toBeGreaterThan(100);
    }, 60_000);

    it("gives the same on the example and on each of the repository's .arch files", async () => {
        const example = readFileSync(join(import.meta.dirname, '../../examples/acme-shop/shop.arch'), 'utf8');
        const { answers: [kept, once] } = await bothWays({ 'shop.arch': example });
        expect(once).toEqual(kept);
        for (const { file, text } of repositoryArchTexts()) {
            const both = await bothWays({ 'model.arch': text });
            expect(both.answers[1], file).toEqual(both.answers[0]);
        }
    }, 60_000);

    it("makes the places of the model's declarations when they are read", async () => {
        const { kept, once } = await bothWays({ 'a.arch': 'system shop "Shop" {\n  service orders "Orders" { owner "team" }\n}\nshop -> shop.orders "calls"\n' });
        const [keptModel, onceModel] = [kept.model().model, once.model().model];
        const orders = onceModel.elements.find(e => e.id === 'orders')!.decl;
        expect(Object.keys(orders)).not.toContain('full');
        expect(orders.properties.owner).toEqual(keptModel.elements.find(e => e.id === 'orders')!.decl.properties.owner);
        expect(orders.full).toBe(orders.full);
        expect(onceModel.flows[0].decl.name).toEqual(keptModel.flows[0].decl.name);
        expect(onceModel.flows[0].decl.name.range.start).toEqual({ line: 3, character: 5 });
    });

    it('keeps no export signature', async () => {
        const { kept, once } = await bothWays({ 'a.arch': 'system shop "Shop" {\n  service orders "Orders"\n}\n' });
        const signature = (ws: typeof kept) => (ws.services.references.ScopeComputation as ArchwrightScopeComputation).exportSignature(ws.doc('a.arch'));
        expect(signature(kept)).toBe('shop Element system\norders Element service\nshop.orders Element service');
        expect(signature(once)).toBeUndefined();
    });
});
