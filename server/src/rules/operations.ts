import { isDeployable, type ArchElement, type Signal } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import { subjects } from './engine.js';
import { propertyFix } from './fixes.js';
import type { ReadinessRule } from './rule.js';

// The production rules about running things: someone owns each element, notices when it breaks,
// can follow a request through it, checks that it is alive, and lets it grow.

const SIGNALS: readonly Signal[] = ['metrics', 'logs', 'traces'];

/** `monitoring` with the element's own signals plus `added`, in the usual order. */
function monitoringWith(element: ArchElement, added: Signal): string {
    const signals = new Set<Signal>([...(element.monitoring ?? []), added]);
    return `monitoring ${SIGNALS.filter(s => signals.has(s)).join(' ')}`;
}

const WATCHED = new Set(['service', 'app', 'function', 'job', 'gateway']);

/** Without metrics and an alert, an outage is found by the customers. */
export const missingMonitoring: ReadinessRule = {
    id: 'missing-monitoring', stage: 'production', severity: 'warning',
    summary: 'A service, app, function, job or gateway collects no metrics, or has no alert.',
    reads: { elements: ['id', 'kind', 'monitoring', 'alerts', 'decl', 'decl.properties.monitoring'] },
    check({ model, each, report }) {
        each(model.elements.filter(e => WATCHED.has(e.kind)), subjects.element, element => {
            const noMetrics = !(element.monitoring ?? []).includes('metrics');
            const noAlert = element.alerts.length === 0;
            if (!noMetrics && !noAlert) return;
            const lacks = [noMetrics ? 'collects no metrics' : '', noAlert ? 'has no alert' : ''].filter(Boolean).join(' and ');
            const cure = [noMetrics ? 'monitoring metrics' : '', noAlert ? 'alert "..."' : ''].filter(Boolean).join(' and ');
            const lines = [noMetrics ? (element.monitoring ? monitoringWith(element, 'metrics') : 'monitoring metrics logs traces') : '', noAlert ? 'alert "${1:error rate above 1%}"' : ''].filter(Boolean);
            report({
                subject: subjects.element(element),
                message: `${element.id} ${lacks}: add ${cure}, so that someone hears when it fails.`,
                // A new monitoring line replaces the old one; a new alert goes below it.
                insert: lines.join('\n'),
                replace: noMetrics ? element.decl.properties.monitoring : undefined,
                fixTitle: `Add ${cure.replace(' "..."', '')}`
            });
        });
    }
};

/** Distinct synchronous neighbours (deployable to deployable), deduplicated. */
function neighbours(map: ReadonlyMap<string, readonly string[]>, id: string): string[] {
    return [...new Set(map.get(id) ?? [])];
}

/**
 * Whether an element lies on a synchronous chain of three or more distinct deployable elements:
 * in the middle (a caller and a different callee), at the start (a callee that calls on to someone
 * else), or at the end. Looks only at neighbours and their neighbours: linear over all elements.
 */
export function onLongSyncChain(id: string, successors: ReadonlyMap<string, readonly string[]>, predecessors: ReadonlyMap<string, readonly string[]>): boolean {
    const out = neighbours(successors, id);
    const into = neighbours(predecessors, id);
    if (out.length > 0 && into.length > 0 && !(out.length === 1 && into.length === 1 && out[0] === into[0])) return true;
    const reachesOn = (side: ReadonlyMap<string, readonly string[]>, next: string) => neighbours(side, next).some(n => n !== id);
    return out.some(next => reachesOn(successors, next)) || into.some(prev => reachesOn(predecessors, prev));
}

function syncPredecessors(index: ModelIndex): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [source, targets] of index.syncSuccessors) {
        for (const target of targets) (out.get(target) ?? out.set(target, []).get(target)!).push(source);
    }
    return out;
}

const TRACED = new Set(['service', 'app', 'function', 'gateway']);

/** Past two hops, only a trace shows where a slow or failed request spent its time. */
export const missingTracing: ReadinessRule = {
    id: 'missing-tracing', stage: 'production', severity: 'info',
    summary: 'A service, app, function or gateway on a synchronous chain of three or more elements collects no traces.',
    reads: { elements: ['id', 'kind', 'monitoring', 'decl', 'decl.properties.monitoring'], index: true },
    check({ model, index, each, report }) {
        const predecessors = syncPredecessors(index);
        each(model.elements.filter(e => TRACED.has(e.kind)), subjects.element, element => {
            if ((element.monitoring ?? []).includes('traces')) return;
            if (!onLongSyncChain(element.id, index.syncSuccessors, predecessors)) return;
            report({
                subject: subjects.element(element),
                message: `${element.id} is on a chain of three or more synchronous calls but collects no traces: add traces to its monitoring.`,
                ...propertyFix(element.decl, 'monitoring', element.monitoring ? monitoringWith(element, 'traces') : 'monitoring metrics logs traces', 'Add traces to monitoring')
            });
        });
    }
};

const CHECKED = new Set(['service', 'app', 'gateway']);

/** A loadbalancer or orchestrator can only route around a broken replica it can detect. */
export const missingHealthcheck: ReadinessRule = {
    id: 'missing-healthcheck', stage: 'production', severity: 'info',
    summary: 'A service, app or gateway with several replicas, or behind a loadbalancer, has no healthcheck.',
    reads: { elements: ['id', 'kind', 'healthcheck', 'replicas', 'decl', 'decl.properties.healthcheck'], flows: ['source'], index: true },
    check({ model, index, each, report }) {
        each(model.elements.filter(e => CHECKED.has(e.kind)), subjects.element, element => {
            if (element.healthcheck !== undefined) return;
            const balanced = (index.incoming.get(element.id) ?? []).some(f => index.elements.get(f.source)?.kind === 'loadbalancer');
            if ((element.replicas ?? 1) <= 1 && !balanced) return;
            const why = (element.replicas ?? 1) > 1 ? `runs ${element.replicas} replicas` : 'sits behind a loadbalancer';
            report({
                subject: subjects.element(element),
                message: `${element.id} ${why} but has no healthcheck: add healthcheck "/healthz" (or the command that tells it is alive).`,
                ...propertyFix(element.decl, 'healthcheck', 'healthcheck "${1:/healthz}"', 'Add healthcheck')
            });
        });
    }
};

/** When it breaks at night, someone must be the one to call. */
export const missingOwner: ReadinessRule = {
    id: 'missing-owner', stage: 'production', severity: 'info',
    summary: 'A deployable element has no owner.',
    reads: { elements: ['id', 'kind', 'owner', 'decl', 'decl.properties.owner'] },
    check({ model, each, report }) {
        each(model.elements.filter(isDeployable), subjects.element, element => {
            if (element.owner !== undefined) return;
            report({
                subject: subjects.element(element),
                message: `${element.id} has no owner: add owner "..." naming the team that runs it.`,
                ...propertyFix(element.decl, 'owner', 'owner "${1:team}"', 'Add owner')
            });
        });
    }
};

/** A scalability requirement is met only by something that can actually grow. */
export const missingAutoscaling: ReadinessRule = {
    id: 'missing-autoscaling', stage: 'production', severity: 'warning',
    summary: 'A deployable element satisfies a scalability requirement and has no scaling.',
    reads: { elements: ['id', 'kind', 'scaling', 'satisfies', 'decl', 'decl.properties.scaling'], requirements: ['id', 'kind', 'title', 'decl'], index: true },
    check({ model, index, each, report }) {
        each(model.elements.filter(isDeployable), subjects.element, element => {
            if (element.scaling !== undefined) return;
            const requirement = element.satisfies.map(id => index.requirements.get(id)).find(r => r?.kind === 'scalability');
            if (!requirement) return;
            report({
                subject: subjects.element(element),
                message: `${element.id} satisfies the scalability requirement ${requirement.id} but cannot grow: add scaling horizontal min 2 max 4 (or scaling vertical).`,
                related: [{ location: requirement.decl.name, message: `${requirement.id}: ${requirement.title ?? 'scalability requirement'}` }],
                ...propertyFix(element.decl, 'scaling', 'scaling horizontal min ${1:2} max ${2:4}', 'Add scaling horizontal')
            });
        });
    }
};
