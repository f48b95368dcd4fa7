import { isDeployable, type ArchModel } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import { subjects } from './engine.js';
import { propertyFix } from './fixes.js';
import type { ReadinessRule } from './rule.js';

// The design-stage rules about elements, flows, decisions and sequence views: what a reviewer
// asks for before the boxes and arrows become a design.

/** A design names its stack: every box we build or buy gets a technology. */
export const missingTechnology: ReadinessRule = {
    id: 'missing-technology', stage: 'design', severity: 'warning',
    summary: 'A deployable or external element has no technology.',
    reads: { elements: ['id', 'kind', 'technology', 'decl', 'decl.properties.technology'] },
    check({ model, each, report }) {
        const candidates = model.elements.filter(e => isDeployable(e) || e.kind === 'external');
        each(candidates, subjects.element, element => {
            if (element.technology !== undefined) return;
            report({
                subject: subjects.element(element),
                message: `${element.id} has no technology: add technology "..." naming its stack.`,
                ...propertyFix(element.decl, 'technology', 'technology "${1:TBD}"', 'Add technology')
            });
        });
    }
};

/** Every call between systems goes over some protocol; naming it drives encryption and tracing. */
export const flowMissingProtocol: ReadinessRule = {
    id: 'flow-missing-protocol', stage: 'design', severity: 'warning',
    summary: 'A flow whose source is not a person has no protocol.',
    reads: { flows: ['source', 'target', 'protocol', 'decl', 'decl.properties.protocol'], elements: ['kind'], index: true },
    check({ model, index, each, report }) {
        each(model.flows, subjects.flow, flow => {
            if (flow.protocol !== undefined || index.elements.get(flow.source)?.kind === 'person') return;
            report({
                subject: subjects.flow(flow),
                message: `The flow ${flow.source} -> ${flow.target} has no protocol: add protocol HTTPS, gRPC, SQL, AMQP...`,
                ...propertyFix(flow.decl, 'protocol', 'protocol ${1:HTTPS}', 'Add protocol')
            });
        });
    }
};

/** Elements touched by a flow, and every system around them: linear, each ancestor marked once. */
function connectedElements(model: ArchModel, index: ModelIndex): Set<string> {
    const touched = new Set<string>();
    const mark = (id: string) => {
        let current: string | undefined = id;
        while (current !== undefined && !touched.has(current)) {
            touched.add(current);
            current = index.elements.get(current)?.parent;
        }
    };
    for (const flow of model.flows) {
        mark(flow.source);
        mark(flow.target);
    }
    return touched;
}

/** A box nothing talks to is either missing its arrows or not part of the architecture. */
export const orphanElement: ReadinessRule = {
    id: 'orphan-element', stage: 'design', severity: 'info',
    summary: 'No flow starts or ends at the element (or, for a system, at anything inside it).',
    reads: { elements: ['id', 'kind', 'parent', 'decl'], flows: ['source', 'target'], index: true },
    check({ model, index, each, report }) {
        const connected = connectedElements(model, index);
        each(model.elements, subjects.element, element => {
            if (connected.has(element.id)) return;
            const where = element.kind === 'system' ? ' or at anything inside it' : '';
            report({
                subject: subjects.element(element),
                message: `No flow starts or ends at ${element.id}${where}: add the flows it takes part in, or remove it.`
            });
        });
    }
};

/** An accepted decision without its reason cannot be revisited sensibly later. */
export const decisionMissingRationale: ReadinessRule = {
    id: 'decision-missing-rationale', stage: 'design', severity: 'info',
    summary: 'An accepted decision has no rationale.',
    reads: { decisions: ['id', 'status', 'rationale', 'decl', 'decl.properties.rationale'] },
    check({ model, each, report }) {
        each(model.decisions, subjects.decision, decision => {
            if (decision.status !== 'accepted' || decision.rationale !== undefined) return;
            report({
                subject: subjects.decision(decision),
                message: `The decision ${decision.id} is accepted but gives no reason: add rationale "..." saying why.`,
                ...propertyFix(decision.decl, 'rationale', 'rationale "${1:why}"', 'Add rationale')
            });
        });
    }
};

/** A sequence diagram that shows a call the model does not have is telling a different story. */
export const sequenceStepWithoutFlow: ReadinessRule = {
    id: 'sequence-step-without-flow', stage: 'design', severity: 'warning',
    summary: 'A step of a sequence view has no flow between its two elements, in either direction.',
    reads: { flows: ['source', 'target'], views: ['id', 'form', 'steps', 'decl'] },
    check({ model, each, report }) {
        const sequences = model.views.filter(v => v.form === 'sequence' && v.decl !== undefined);
        // The pairs joined by a flow, of the elements that steps name (the model's flows are many more).
        const named = new Set<string>();
        for (const view of sequences) for (const step of view.steps) named.add(step.source).add(step.target);
        const joined = new Set<string>();
        for (const flow of model.flows) {
            if (!named.has(flow.source) || !named.has(flow.target)) continue;
            joined.add(`${flow.source}\u0000${flow.target}`);
            joined.add(`${flow.target}\u0000${flow.source}`);
        }
        for (const view of sequences) {
            const decl = view.decl!;
            each(view.steps, step => subjects.step({ decl, allows: view.allows }, step), step => {
                if (joined.has(`${step.source}\u0000${step.target}`)) return;
                report({
                    subject: subjects.step({ decl, allows: view.allows }, step),
                    message: `No flow joins ${step.source} and ${step.target}, so the step ${step.source} -> ${step.target} of ${view.id} shows a call the model lacks: add the flow, or correct the step.`
                });
            });
        }
    }
};
