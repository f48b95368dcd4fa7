import { isDeployable, type ArchElement, type ArchModel, type Requirement } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import type { RuleReads } from './rule.js';
import { pushAll } from '../util/arrays.js';

/** Availability targets from this percentage up make every single instance on their path a risk. */
export const CRITICAL_AVAILABILITY = 99.9;

/** What {@link criticalSet} reads, and the requirement's place, which the rules that use it link to (see RuleReads). */
export const CRITICAL_SET_READS = {
    requirements: ['id', 'kind', 'target', 'decl'],
    elements: ['id', 'kind', 'children'],
    flows: ['source', 'target', 'async'],
    index: true
} as const satisfies RuleReads;

const computed = new WeakMap<ModelIndex, Map<string, Requirement>>();

/**
 * For each element in the critical set of some availability requirement of 99.9% or more (see
 * rules.md): the first such requirement, in model order, that depends on it.
 *
 * Linear: the requirements are walked in order over one shared visited set, so every element and
 * flow is looked at once; an element reached by an earlier requirement keeps that one.
 */
export function criticalSet(model: ArchModel, index: ModelIndex): ReadonlyMap<string, Requirement> {
    // Two rules read it per check: compute it once per index.
    const cached = computed.get(index);
    if (cached) return cached;
    const critical = new Map<string, Requirement>();
    const requirements = model.requirements.filter(r => r.kind === 'availability' && (r.target?.percent ?? 0) >= CRITICAL_AVAILABILITY);
    for (const requirement of requirements) {
        const queue = seeds(requirement, index).filter(id => !critical.has(id));
        for (const id of queue) critical.set(id, requirement);
        // The queue grows while it is read: a breadth-first walk along synchronous flows between deployables.
        for (let i = 0; i < queue.length; i++) {
            for (const next of index.syncSuccessors.get(queue[i]) ?? []) {
                if (critical.has(next)) continue;
                critical.set(next, requirement);
                queue.push(next);
            }
        }
    }
    addFrontDoors(model, index, critical);
    computed.set(index, critical);
    return critical;
}

/** Deployable satisfiers, and every deployable element inside a satisfying system. */
function seeds(requirement: Requirement, index: ModelIndex): string[] {
    const out: string[] = [];
    for (const id of index.satisfiedBy.get(requirement.id) ?? []) {
        const element = index.elements.get(id);
        if (!element) continue;
        if (isDeployable(element)) out.push(id);
        if (element.kind === 'system') {
            pushAll(out, index.descendants(id).filter(d => {
                const inner = index.elements.get(d);
                return inner !== undefined && isDeployable(inner);
            }));
        }
    }
    return out;
}

/**
 * Loadbalancers and gateways with a synchronous flow into the set join it (one level only). Each
 * takes the earliest requirement among the elements it feeds.
 */
function addFrontDoors(model: ArchModel, index: ModelIndex, critical: Map<string, Requirement>): void {
    const rank = new Map(model.requirements.map((r, i) => [r, i]));
    const doors = new Map<string, Requirement>();
    for (const flow of model.flows) {
        const fed = critical.get(flow.target);
        const source = index.elements.get(flow.source);
        if (!fed || flow.async || !source || critical.has(source.id)) continue;
        if (source.kind !== 'loadbalancer' && source.kind !== 'gateway') continue;
        const current = doors.get(source.id);
        if (!current || rank.get(fed)! < rank.get(current)!) doors.set(source.id, fed);
    }
    for (const [id, requirement] of doors) critical.set(id, requirement);
}

/** "the availability requirement always-on (99.95%)": how messages name the requirement. */
export function describeRequirement(requirement: Requirement): string {
    return `the availability requirement ${requirement.id} (${requirement.target?.percent}%)`;
}

/** The elements of a critical set, in the order they joined it. */
export function criticalElements(critical: ReadonlyMap<string, Requirement>, index: ModelIndex): ArchElement[] {
    return [...critical.keys()].map(id => index.elements.get(id)).filter((e): e is ArchElement => e !== undefined);
}
