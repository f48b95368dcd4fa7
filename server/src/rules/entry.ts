import { isDeployable, type ArchModel, type Flow } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import { SENSITIVITY_READS, sensitivity } from './data-protection.js';
import { subjects } from './engine.js';
import { propertyFix } from './fixes.js';
import type { ReadinessRule } from './rule.js';

// The production rules about the ways in: flows from people and outside systems into what we run.

/** An entry flow: from a person or an external element to a deployable element. */
export function entryFlows(model: ArchModel, index: ModelIndex): Flow[] {
    return model.flows.filter(flow => {
        const source = index.elements.get(flow.source);
        const target = index.elements.get(flow.target);
        return source !== undefined && target !== undefined && (source.kind === 'person' || source.kind === 'external') && isDeployable(target);
    });
}

/** Sensitive data must only be handed to callers who proved who they are. */
export const missingAuth: ReadinessRule = {
    id: 'missing-auth', stage: 'production', severity: 'warning',
    summary: 'An entry flow carries sensitive data and has no auth.',
    reads: { ...SENSITIVITY_READS, elements: ['kind'], flows: ['source', 'target', 'auth', 'carries', 'decl', 'decl.properties.auth'] },
    check({ model, index, each, report }) {
        each(entryFlows(model, index), subjects.flow, flow => {
            if (flow.auth !== undefined) return;
            const { sensitive } = sensitivity(flow.carries, index);
            if (sensitive.length === 0) return;
            report({
                subject: subjects.flow(flow),
                message: `The entry flow ${flow.source} -> ${flow.target} carries ${sensitive.join(', ')} but says nothing of authentication: add auth oauth2, mTLS, "API key"...`,
                ...propertyFix(flow.decl, 'auth', 'auth "${1:oauth2}"', 'Add auth')
            });
        });
    }
};

const FRONT_DOORS = new Set(['gateway', 'loadbalancer', 'app']);

/** Outside callers should reach a gateway, load balancer or front end, not an inner service directly. */
export const unguardedEntry: ReadinessRule = {
    id: 'unguarded-entry', stage: 'production', severity: 'warning',
    summary: 'An entry flow reaches something other than a gateway, a loadbalancer or an app.',
    reads: { elements: ['id', 'kind'], flows: ['source', 'target', 'decl'], index: true },
    check({ model, index, each, report }) {
        each(entryFlows(model, index), subjects.flow, flow => {
            const target = index.elements.get(flow.target)!;
            if (FRONT_DOORS.has(target.kind)) return;
            report({
                subject: subjects.flow(flow),
                message: `${flow.source} reaches the ${target.kind} ${target.id} directly: route the flow through a gateway, a loadbalancer or an app.`
            });
        });
    }
};
