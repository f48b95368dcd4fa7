import type { ArchElement, ArchModel, Constraint, DataAsset, Decision, Deployment, Flow, Instance, Requirement, View } from './arch-model.js';
import { isDeployable } from './arch-model.js';
import { pushAll } from '../util/arrays.js';

/**
 * Lookups and graph indexes over one ArchModel, computed once with it in linear time. Every rule
 * and view reads the model through these instead of searching lists.
 */
export interface ModelIndex {
    elements: ReadonlyMap<string, ArchElement>;
    requirements: ReadonlyMap<string, Requirement>;
    constraints: ReadonlyMap<string, Constraint>;
    data: ReadonlyMap<string, DataAsset>;
    deployments: ReadonlyMap<string, Deployment>;
    decisions: ReadonlyMap<string, Decision>;
    views: ReadonlyMap<string, View>;
    /** Flows starting at each element. */
    outgoing: ReadonlyMap<string, readonly Flow[]>;
    /** Flows ending at each element. */
    incoming: ReadonlyMap<string, readonly Flow[]>;
    /** Targets of synchronous flows between deployable elements, per source. */
    syncSuccessors: ReadonlyMap<string, readonly string[]>;
    /** Instances of each element across all deployments. */
    instances: ReadonlyMap<string, readonly Instance[]>;
    /** Elements that satisfy each requirement. */
    satisfiedBy: ReadonlyMap<string, readonly string[]>;
    /** Datastores that store each data asset. */
    storedIn: ReadonlyMap<string, readonly string[]>;
    /** Flows that carry each data asset. */
    carriedBy: ReadonlyMap<string, readonly Flow[]>;
    /** Decisions that affect each element. */
    decisionsAffecting: ReadonlyMap<string, readonly Decision[]>;
    /** The enclosing elements of an element, nearest first. */
    ancestors(id: string): string[];
    /** Every element nested (at any depth) in the element. */
    descendants(id: string): string[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

/** First declaration wins when ids repeat (the duplicate is an error already). */
function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
    const map = new Map<string, T>();
    for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
    return map;
}

export function indexModel(model: ArchModel): ModelIndex {
    const elements = byId(model.elements);
    const outgoing = new Map<string, Flow[]>();
    const incoming = new Map<string, Flow[]>();
    const syncSuccessors = new Map<string, string[]>();
    const carriedBy = new Map<string, Flow[]>();
    for (const flow of model.flows) {
        push(outgoing, flow.source, flow);
        push(incoming, flow.target, flow);
        for (const d of flow.carries) push(carriedBy, d, flow);
        const from = elements.get(flow.source);
        const to = elements.get(flow.target);
        if (!flow.async && from && to && isDeployable(from) && isDeployable(to) && flow.source !== flow.target) {
            push(syncSuccessors, flow.source, flow.target);
        }
    }
    const instances = new Map<string, Instance[]>();
    for (const deployment of model.deployments) {
        for (const instance of deployment.instances) push(instances, instance.element, instance);
    }
    const satisfiedBy = new Map<string, string[]>();
    const storedIn = new Map<string, string[]>();
    for (const element of model.elements) {
        for (const r of element.satisfies) push(satisfiedBy, r, element.id);
        for (const d of element.stores) push(storedIn, d, element.id);
    }
    const decisionsAffecting = new Map<string, Decision[]>();
    for (const decision of model.decisions) for (const e of decision.affects) push(decisionsAffecting, e, decision);

    return {
        elements,
        requirements: byId(model.requirements),
        constraints: byId(model.constraints),
        data: byId(model.data),
        deployments: byId(model.deployments),
        decisions: byId(model.decisions),
        views: byId(model.views),
        outgoing, incoming, syncSuccessors, instances, satisfiedBy, storedIn, carriedBy, decisionsAffecting,
        ancestors(id) {
            const chain: string[] = [];
            const seen = new Set<string>([id]);
            let parent = elements.get(id)?.parent;
            while (parent !== undefined && !seen.has(parent)) {
                chain.push(parent);
                seen.add(parent);
                parent = elements.get(parent)?.parent;
            }
            return chain;
        },
        descendants(id) {
            const result: string[] = [];
            const stack = [...(elements.get(id)?.children ?? [])];
            const seen = new Set<string>([id]);
            while (stack.length > 0) {
                const next = stack.pop()!;
                if (seen.has(next)) continue;
                seen.add(next);
                result.push(next);
                pushAll(stack, elements.get(next)?.children ?? []);
            }
            return result;
        }
    };
}
