import { isDeployable, type Deployment } from '../model/arch-model.js';
import { subjects } from './engine.js';
import { count, listNames } from './fixes.js';
import type { ReadinessRule } from './rule.js';

// The production rules about where things run: a production deployment exists, runs every
// deployable element, and runs as many instances as each element declares.

const isProduction = (d: Deployment) => d.kind === 'production';

/** A production architecture that says nowhere where it runs is not ready for production. */
export const noProductionDeployment: ReadinessRule = {
    id: 'no-production-deployment', stage: 'production', severity: 'warning',
    summary: 'The model has no deployment of kind production.',
    reads: { deployments: ['kind'], architecture: ['title', 'decl'] },
    check({ model, report }) {
        if (model.deployments.some(isProduction)) return;
        report({
            subject: subjects.architecture(model),
            message: 'The model has no production deployment: add deployment ID { kind production ... } saying which nodes run which elements.'
        });
    }
};

/** An element no production node runs is either forgotten in the deployment or not needed. */
export const notDeployed: ReadinessRule = {
    id: 'not-deployed', stage: 'production', severity: 'warning',
    summary: 'A deployable element is run by no node of a production deployment.',
    reads: { deployments: ['id', 'kind', 'instances', 'decl'], elements: ['id', 'kind', 'decl'] },
    check({ model, each, report }) {
        const production = model.deployments.filter(isProduction);
        if (production.length === 0) return;
        const deployed = new Set(production.flatMap(d => d.instances.map(i => i.element)));
        const names = listNames(production.map(d => d.id), 3);
        each(model.elements.filter(isDeployable), subjects.element, element => {
            if (deployed.has(element.id)) return;
            report({
                subject: subjects.element(element),
                message: `No node of the production deployment ${names} runs ${element.id}: add runs ${element.id} to the node where it runs.`,
                related: production.slice(0, 3).map(d => ({ location: d.decl.name, message: `production deployment ${d.id}` }))
            });
        });
    }
};

/** The declared replica count and the deployed one disagree: one of them is wrong. */
export const replicaMismatch: ReadinessRule = {
    id: 'replica-mismatch', stage: 'production', severity: 'info',
    summary: 'A production deployment runs a different number of instances than the element declares in replicas.',
    reads: { deployments: ['id', 'kind', 'instances', 'decl'], elements: ['id', 'replicas', 'decl', 'decl.properties.replicas'], index: true },
    check({ model, index, each, report }) {
        const totals = new Map<string, Map<string, number>>();
        for (const deployment of model.deployments.filter(isProduction)) {
            for (const instance of deployment.instances) {
                const perDeployment = totals.get(instance.element) ?? totals.set(instance.element, new Map()).get(instance.element)!;
                perDeployment.set(deployment.id, (perDeployment.get(deployment.id) ?? 0) + instance.count);
            }
        }
        each(model.elements.filter(e => e.replicas !== undefined), subjects.element, element => {
            for (const [deployment, total] of totals.get(element.id) ?? []) {
                if (total === element.replicas) continue;
                report({
                    subject: subjects.element(element),
                    message: `${element.id} declares replicas ${element.replicas} but the production deployment ${deployment} runs ${count(total, 'instance')} of it: make the two agree.`,
                    related: [{ location: index.deployments.get(deployment)!.decl.name, message: `${deployment} runs ${count(total, 'instance')} of ${element.id}` }],
                    insert: `replicas \${1:${total}}`,
                    replace: element.decl.properties.replicas,
                    fixTitle: `Set replicas to ${total}, as deployed`
                });
                return;
            }
        });
    }
};
