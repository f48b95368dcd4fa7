import { isDatastore, type ArchElement, type Instance, type Requirement } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import { CRITICAL_SET_READS, criticalElements, criticalSet, describeRequirement } from './critical-set.js';
import { subjects } from './engine.js';
import { propertyFix } from './fixes.js';
import type { ReadinessRule } from './rule.js';

// The production rules about high availability: what an availability requirement of 99.9% or more
// depends on must survive the loss of one instance, and of one zone.

function requirementLink(requirement: Requirement) {
    return { location: requirement.decl.name, message: `${requirement.id} asks for ${requirement.target?.percent}% availability` };
}

/** One replica, or a datastore without copies, takes the whole requirement down with it. */
export const singlePointOfFailure: ReadinessRule = {
    id: 'single-point-of-failure', stage: 'production', severity: 'warning',
    summary: 'An element that a 99.9%+ availability requirement depends on has a single replica, or no replication.',
    reads: { ...CRITICAL_SET_READS, elements: [...CRITICAL_SET_READS.elements, 'replicas', 'replication', 'decl', 'decl.properties.replication', 'decl.properties.replicas'] },
    check({ model, index, each, report }) {
        const critical = criticalSet(model, index);
        each(criticalElements(critical, index), subjects.element, element => {
            const requirement = critical.get(element.id)!;
            const related = [requirementLink(requirement)];
            if (isDatastore(element)) {
                if (element.replication !== undefined && element.replication !== 'none') return;
                const has = element.replication === 'none' ? 'replication none' : 'no replication';
                report({
                    subject: subjects.element(element), related,
                    message: `${element.id} has ${has} but ${describeRequirement(requirement)} depends on it: add replication primary-replica, multi-primary or cluster.`,
                    ...propertyFix(element.decl, 'replication', 'replication ${1|primary-replica,multi-primary,cluster|}', 'Add replication primary-replica')
                });
                return;
            }
            if ((element.replicas ?? 1) >= 2) return;
            report({
                subject: subjects.element(element), related,
                message: `${element.id} runs as one replica but ${describeRequirement(requirement)} depends on it: add replicas 2 or more.`,
                ...propertyFix(element.decl, 'replicas', 'replicas ${1:2}', 'Add replicas 2')
            });
        });
    }
};

/** The zone holding every instance of a production deployment, when the deployment has others to use. */
function soleZone(instances: readonly Instance[]): string | undefined {
    const zone = instances[0]?.zone;
    if (zone === undefined) return undefined;
    return instances.every(i => i.zone === zone) ? zone : undefined;
}

/** Instances of an element per production deployment that declares two zones or more. */
function byMultiZoneDeployment(element: ArchElement, index: ModelIndex): Map<string, Instance[]> {
    const out = new Map<string, Instance[]>();
    for (const instance of index.instances.get(element.id) ?? []) {
        const deployment = index.deployments.get(instance.deployment);
        if (!deployment || deployment.kind !== 'production' || deployment.zones.length < 2) continue;
        (out.get(deployment.id) ?? out.set(deployment.id, []).get(deployment.id)!).push(instance);
    }
    return out;
}

/** Replicas in one zone go down together when the zone does. */
export const singleZone: ReadinessRule = {
    id: 'single-zone', stage: 'production', severity: 'warning',
    summary: 'A production deployment with several zones runs all instances of a critical element in one zone.',
    reads: { ...CRITICAL_SET_READS, elements: [...CRITICAL_SET_READS.elements, 'decl'], deployments: ['id', 'kind', 'zones', 'instances'] },
    check({ model, index, each, report }) {
        const critical = criticalSet(model, index);
        each(criticalElements(critical, index), subjects.element, element => {
            for (const [deployment, instances] of byMultiZoneDeployment(element, index)) {
                const zone = soleZone(instances);
                if (zone === undefined) continue;
                const requirement = critical.get(element.id)!;
                report({
                    subject: subjects.element(element),
                    message: `Every instance of ${element.id} in the deployment ${deployment} runs in the zone ${zone}, but ${describeRequirement(requirement)} depends on it: run it in a second zone too.`,
                    related: [requirementLink(requirement), ...instances.slice(0, 3).map(i => ({ location: i.location, message: `${element.id} runs here, in ${zone}` }))]
                });
                return;
            }
        });
    }
};
