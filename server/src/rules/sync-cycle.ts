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
 *
 * The elements are numbered once and the walk keeps its state in arrays indexed by number: at the
 * benchmark's L (20,000 flows) the maps keyed by name it used were most of this rule's time, and
 * it runs again after every edit that touches a flow.
 */
export function syncComponents(flows: readonly Flow[]): Map<string, number> {
    const numbers = new Map<string, number>();
    const names: string[] = [];
    const numberOf = (name: string): number => {
        let n = numbers.get(name);
        if (n === undefined) {
            n = names.length;
            numbers.set(name, n);
            names.push(name);
        }
        return n;
    };
    // Each element's successors, in the order of the flows; the walk starts from sources in the order they first appear.
    const successors: number[][] = [];
    const roots: number[] = [];
    for (const flow of flows) {
        if (flow.async || flow.source === flow.target) continue;
        const from = numberOf(flow.source), to = numberOf(flow.target);
        const list = successors[from];
        if (list) list.push(to);
        else {
            successors[from] = [to];
            roots.push(from);
        }
    }
    const count = names.length;
    const order = new Int32Array(count).fill(-1);
    const low = new Int32Array(count);
    const onStack = new Uint8Array(count);
    const component = new Map<string, number>();
    const stack: number[] = [];
    const NONE: number[] = [];
    let counter = 0;
    let components = 0;
    for (const root of roots) {
        if (order[root] !== -1) continue;
        const work: { node: number; next: number }[] = [{ node: root, next: 0 }];
        order[root] = low[root] = counter++; stack.push(root); onStack[root] = 1;
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const next = successors[frame.node] ?? NONE;
            if (frame.next < next.length) {
                const target = next[frame.next++];
                if (order[target] === -1) {
                    order[target] = low[target] = counter++; stack.push(target); onStack[target] = 1;
                    work.push({ node: target, next: 0 });
                } else if (onStack[target]) {
                    low[frame.node] = Math.min(low[frame.node], order[target]);
                }
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low[parent] = Math.min(low[parent], low[frame.node]);
            }
            if (low[frame.node] === order[frame.node]) {
                let member: number;
                do {
                    member = stack.pop()!;
                    onStack[member] = 0;
                    component.set(names[member], components);
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
