import { describe, expect, it } from 'vitest';
import type { ArchElement, ArchModel, Source, Stage, View } from '../../server/src/model/arch-model.js';
import { indexModel } from '../../server/src/model/graph.js';
import { checkReadiness, subjects } from '../../server/src/rules/engine.js';
import { READINESS_RULES } from '../../server/src/rules/registry.js';
import type { ReadinessRule } from '../../server/src/rules/rule.js';

// The engine with plain ArchModel objects: no parser, no Langium.

const at = (line: number): Source => ({
    name: { uri: 'file:///m.arch', range: { start: { line, character: 0 }, end: { line, character: 1 } } },
    full: { start: { line, character: 0 }, end: { line, character: 10 } },
    properties: {}
});

function element(id: string, line: number, extra: Partial<ArchElement> = {}): ArchElement {
    return { id, kind: 'service', tags: [], links: [], satisfies: [], alerts: [], stores: [], encryptionAtRest: false, allows: [], children: [], decl: at(line), ...extra };
}

function model(stage: Stage, parts: Partial<ArchModel> = {}, rules: { rule: string; severity: 'off' | 'error' | 'warning' | 'info' | 'hint' }[] = []): ArchModel {
    return {
        stage, elements: [], flows: [], requirements: [], constraints: [], data: [], deployments: [], decisions: [], views: [], uris: ['file:///m.arch'],
        architecture: { stage, rules: rules.map(r => ({ ...r, location: at(0).name })), decl: at(0) },
        ...parts
    };
}

const run = (m: ArchModel, rules: readonly ReadinessRule[] = READINESS_RULES, stage?: Stage) =>
    checkReadiness(m, indexModel(m), rules, { stage }).map(d => `${d.location.range.start.line} ${d.code} ${d.severity}`);

describe('the readiness engine', () => {
    it('runs the design rules at design, and the production ones only from production', () => {
        const m = model('design', { elements: [element('api', 3)] });
        expect(run(m)).toEqual(['3 missing-technology warning', '3 orphan-element info']);
        expect(run(m, READINESS_RULES, 'production')).toContain('0 no-production-deployment warning');
        expect(run(model('whiteboard', { elements: [element('api', 3)] }))).toEqual([]);
    });

    it('applies rule severities and off to every finding, and allows to their subject only', () => {
        const m = model('design', { elements: [element('a', 3), element('b', 4, { allows: [{ rule: 'orphan-element', reason: 'x', location: at(5).name }] })] },
            [{ rule: 'missing-technology', severity: 'error' }, { rule: 'orphan-element', severity: 'hint' }]);
        expect(run(m)).toEqual(['3 missing-technology error', '4 missing-technology error', '3 orphan-element hint']);
        const off = model('design', { elements: [element('a', 3)] }, [{ rule: 'missing-technology', severity: 'off' }]);
        expect(run(off)).toEqual(['3 orphan-element info']);
    });

    it('reports unknown ids in rule and allow, core codes included, with the nearest rule id', () => {
        const m = model('whiteboard', { elements: [element('a', 3, { allows: [{ rule: 'self-flow', reason: 'x', location: at(4).name }] })] },
            [{ rule: 'missing-tecnology', severity: 'off' }]);
        const found = checkReadiness(m, indexModel(m), READINESS_RULES);
        expect(found.map(d => `${d.location.range.start.line} ${d.code} ${d.message}`)).toEqual([
            '0 unknown-rule missing-tecnology is not a readiness rule; did you mean missing-technology?',
            '4 unknown-rule self-flow is not a readiness rule.'
        ]);
        expect(found[0].suggestion).toBe('missing-technology');
    });

    it('turns an exception in one rule into one diagnostic on the item, and the other items are still checked', () => {
        const fragile: ReadinessRule = {
            id: 'missing-owner', stage: 'design', severity: 'info', summary: '', reads: { elements: ['id'] },
            check({ model: m, each, report }) {
                each(m.elements, subjects.element, e => {
                    if (e.id === 'bad') throw new Error('boom');
                    report({ subject: subjects.element(e), message: `${e.id} ok` });
                });
            }
        };
        const found = checkReadiness(model('design', { elements: [element('bad', 3), element('good', 4)] }), indexModel(model('design')), [fragile]);
        expect(found.map(d => `${d.location.range.start.line} ${d.message.slice(0, 40)}`)).toEqual([
            '3 The rule missing-owner failed on bad: Er',
            '4 good ok'
        ]);
    });

    it('puts a sequence step diagnostic on the step, lets the view\'s allow cover it, and hands the view\'s block to the fixes', () => {
        const step = { source: 'a', target: 'b', location: at(9).name };
        const view: View = { id: 'v', form: 'sequence', include: '*', exclude: [], steps: [step], allows: [], decl: at(8) };
        const m = model('design', { elements: [element('a', 3, { technology: 'x' }), element('b', 4, { technology: 'x' })], views: [view] });
        const found = checkReadiness(m, indexModel(m), READINESS_RULES).filter(d => d.code === 'sequence-step-without-flow');
        expect(found.map(d => d.location.range.start.line)).toEqual([9]);
        expect(found[0].fix).toMatchObject({ subjectKind: 'step', subject: { full: at(8).full } });
        view.allows = [{ rule: 'sequence-step-without-flow', reason: 'sketch', location: at(10).name }];
        expect(checkReadiness(m, indexModel(m), READINESS_RULES).filter(d => d.code === 'sequence-step-without-flow')).toEqual([]);
    });

    it('reports no-production-deployment at the top of the first file when checked at production without an architecture', () => {
        const m: ArchModel = { ...model('whiteboard'), architecture: undefined };
        expect(run(m, READINESS_RULES, 'production')).toEqual(['0 no-production-deployment warning']);
    });

    // Linear cost is measured by the benchmark (npm run bench: L/M); here, a chain this long proves
    // that no rule recurses once per element (which would overflow the stack) and the counts are right.
    it('checks a model of 20 000 elements in one long synchronous chain and a 10 000-flow cycle', () => {
        const n = 20_000;
        const elements = Array.from({ length: n }, (_, i) => element(`s${i}`, i, i === 0 ? { satisfies: ['up'] } : {}));
        const flows = elements.slice(1).map((e, i) => ({ key: `${i}`, source: `s${i}`, target: e.id, carries: [], encrypted: false, async: false, allows: [], decl: at(i) }));
        flows.push({ key: 'back', source: `s${n / 2}`, target: 's0', carries: [], encrypted: false, async: false, allows: [], decl: at(0) });
        const requirements = [{ id: 'up', kind: 'availability' as const, target: { percent: 99.99 }, allows: [], decl: at(0) }];
        const m = model('production', { elements, flows, requirements });
        const found = checkReadiness(m, indexModel(m), READINESS_RULES);
        expect(found.filter(d => d.code === 'single-point-of-failure')).toHaveLength(n);
        expect(found.filter(d => d.code === 'sync-cycle')).toHaveLength(n / 2 + 1);
    });
});
