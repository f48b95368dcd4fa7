// `requirements` views: a Mermaid requirement diagram with every requirement (its kind, target and
// priority), every constraint (its kind and standard), and `satisfies` links from the elements.
import type { ArchModel, Constraint, Requirement } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import { DiagramWriter, escapeLabel, joinLabels, type ViewDiagram, type WriterOptions } from './diagram-writer.js';

/** Mermaid's requirement types; kinds without one of their own use the generic `requirement`. */
const REQUIREMENT_TYPES: Partial<Record<NonNullable<Requirement['kind']>, string>> = {
    functional: 'functionalRequirement', performance: 'performanceRequirement'
};

/** Requirements and constraints in model order, then the elements that satisfy requirements. */
export function requirementsView(model: ArchModel, index: ModelIndex, options: WriterOptions): ViewDiagram {
    const w = new DiagramWriter(options, 'requirementDiagram');
    for (const r of model.requirements) if (index.requirements.get(r.id) === r) writeRequirement(w, r);
    for (const c of model.constraints) if (index.constraints.get(c.id) === c) writeConstraint(w, c);
    const links: string[] = [];
    for (const e of model.elements) {
        const satisfied = e.satisfies.filter(r => index.requirements.has(r));
        if (satisfied.length === 0 || index.elements.get(e.id) !== e) continue;
        const nodeId = w.ids.id('el', e.id);
        w.line(1, `element ${nodeId} {`);
        w.line(2, `type: "${joinLabels([e.title ?? e.id])} (${e.kind})"`);
        w.line(1, '}');
        w.source(nodeId, 'element', e.id, e.decl);
        w.flagIf(nodeId, e.id);
        for (const r of satisfied) links.push(`${nodeId} - satisfies -> ${w.ids.id('req', r)}`);
    }
    for (const link of links) w.line(1, link);
    if (model.requirements.length === 0 && model.constraints.length === 0) writeEmpty(w);
    w.writeClasses(1);
    return w.finish();
}

function writeRequirement(w: DiagramWriter, r: Requirement): void {
    const nodeId = w.ids.id('req', r.id);
    const target = r.target?.percent !== undefined ? `${r.target.percent}%` : r.target?.text;
    const details = [r.kind, target !== undefined ? `target ${target}` : undefined, r.priority];
    w.line(1, `${r.kind && REQUIREMENT_TYPES[r.kind] || 'requirement'} ${nodeId} {`);
    w.line(2, `id: "${escapeLabel(r.id)}"`);
    w.line(2, `text: "${joinLabels([r.title, ...details])}"`);
    w.line(1, '}');
    w.source(nodeId, 'requirement', r.id, r.decl);
    w.flagIf(nodeId, r.id);
}

function writeConstraint(w: DiagramWriter, c: Constraint): void {
    const nodeId = w.ids.id('con', c.id);
    w.line(1, `designConstraint ${nodeId} {`);
    w.line(2, `id: "${escapeLabel(c.id)}"`);
    w.line(2, `text: "${joinLabels([c.title, c.kind, c.standard])}"`);
    w.line(1, '}');
    w.source(nodeId, 'constraint', c.id, c.decl);
    w.flagIf(nodeId, c.id);
}

function writeEmpty(w: DiagramWriter): void {
    w.line(1, 'requirement empty {');
    w.line(2, `text: "${escapeLabel('Nothing to show: the model has no requirements or constraints yet')}"`);
    w.line(1, '}');
}
