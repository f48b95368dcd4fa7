import type { Flow } from '../model/arch-model.js';
import { subjects } from './engine.js';
import { listNames } from './fixes.js';
import type { ReadinessRule } from './rule.js';

/** How many other flows of a cycle each diagnostic points at: keeps the cost linear. */
const RELATED_PER_FLOW = 5;

/**
 * Strongly connected components of the graph of synchronous flows between elements (Tarjan's
 * algorithm, iterative so deep chains cannot overflow the stack). A flow between two elements of
 * one component lies on a cycle. Returns each element's component number.
 */
export function syncComponents(flows: readonly Flow[]): Map<string, number> {
    const successors = new Map<string, string[]>();
    for (const flow of flows) {
        if (flow.async || flow.source === flow.target) continue;
        const list = successors.get(flow.source);
        if (list) list.push(flow.target);
        else successors.set(flow.source, [flow.target]);
    }
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const component = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    let counter = 0;
    let components = 0;
    for (const root of successors.keys()) {
        if (order.has(root)) continue;
        const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
        order.set(root, counter); low.set(root, counter++); stack.push(root); onStack.add(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const next = successors.get(frame.node) ?? [];
            if (frame.next < next.length) {
                const target = next[frame.next++];
                if (!order.has(target)) {
                    order.set(target, counter); low.set(target, counter++); stack.push(target); onStack.add(target);
                    work.push({ node: target, next: 0 });
                } else if (onStack.has(target)) {
                    low.set(frame.node, Math.min(low.get(frame.node)!, order.get(target)!));
                }
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === order.get(frame.node)) {
                let member: string;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    component.set(member, components);
                } while (member !== frame.node);
                components++;
            }
        }
    }
    return component;
}

/** Synchronous calls in a circle block each other: one slow member stalls them all, or deadlocks. */
export const syncCycle: ReadinessRule = {
    id: 'sync-cycle', stage: 'design', severity: 'warning',
    summary: 'A flow is part of a cycle of synchronous flows through two or more elements.',
    reads: { flows: ['source', 'target', 'async', 'decl'] },
    check({ model, each, report }) {
        const component = syncComponents(model.flows);
        const cycleFlows = new Map<number, Flow[]>();
        const members = new Map<number, Set<string>>();
        for (const flow of model.flows) {
            if (flow.async || flow.source === flow.target) continue;
            const c = component.get(flow.source);
            if (c === undefined || c !== component.get(flow.target)) continue;
            (cycleFlows.get(c) ?? cycleFlows.set(c, []).get(c)!).push(flow);
            (members.get(c) ?? members.set(c, new Set()).get(c)!).add(flow.source);
        }
        for (const [c, flows] of cycleFlows) {
            const names = listNames([...members.get(c)!]);
            each(flows, subjects.flow, flow => {
                const others = flows.slice(0, RELATED_PER_FLOW + 1).filter(f => f !== flow).slice(0, RELATED_PER_FLOW);
                report({
                    subject: subjects.flow(flow),
                    message: `The synchronous flow ${flow.source} -> ${flow.target} is part of a cycle through ${names}: make one flow of the cycle async, or remove it.`,
                    related: others.map(f => ({ location: f.decl.name, message: `also in the cycle: ${f.source} -> ${f.target}` })),
                    insert: 'async',
                    fixTitle: 'Make this flow async'
                });
            });
        }
    }
};
