import type { AstNode } from 'langium';
import type { ElementKind } from './generated/ast.js';

/** What a reference expects, for `wrong-kind`, suggestions and completion. */
export interface ExpectedKind {
    /** AST type of the target. */
    type: 'Element' | 'Requirement' | 'DataAsset' | 'Decision' | 'Deployment';
    /** For elements, the kinds that fit (all when absent). */
    elementKinds?: readonly ElementKind[];
    /** How to say it: "a requirement", "a deployable element". */
    noun: string;
    /** How the place that refers is called in messages: "satisfies", "runs", "a flow". */
    where: string;
}

const DEPLOYABLE: readonly ElementKind[] = ['service', 'app', 'function', 'job', 'gateway', 'loadbalancer', 'database', 'cache', 'queue', 'storage', 'component'];

/** The expectation for a reference, from the node that holds it and the property it sits in. */
export function expectedKindOf(container: AstNode, property: string): ExpectedKind | undefined {
    switch (container.$type) {
        case 'SatisfiesProperty': return { type: 'Requirement', noun: 'a requirement', where: 'satisfies' };
        case 'StoresProperty': return { type: 'DataAsset', noun: 'a data asset', where: 'stores' };
        case 'CarriesProperty': return { type: 'DataAsset', noun: 'a data asset', where: 'carries' };
        case 'Instance': return { type: 'Element', elementKinds: DEPLOYABLE, noun: 'a deployable element', where: 'runs' };
        case 'AffectsProperty': return { type: 'Element', noun: 'an element', where: 'affects' };
        case 'StatusProperty': return { type: 'Decision', noun: 'a decision', where: 'superseded by' };
        case 'IncludeProperty': return { type: 'Element', noun: 'an element', where: 'include' };
        case 'ExcludeProperty': return { type: 'Element', noun: 'an element', where: 'exclude' };
        case 'Flow': return { type: 'Element', noun: 'an element', where: property === 'source' ? 'a flow\'s source' : 'a flow\'s target' };
        case 'SequenceStep': return { type: 'Element', noun: 'an element', where: 'a sequence step' };
        case 'View': {
            const form = (container as AstNode & { form?: string }).form;
            if (form === 'of') return { type: 'Element', elementKinds: ['system'], noun: 'a system', where: 'a view of' };
            if (form === 'deployment') return { type: 'Deployment', noun: 'a deployment', where: 'a deployment view' };
            if (form === 'dataflow') return { type: 'DataAsset', noun: 'a data asset', where: 'a dataflow view' };
            return undefined;
        }
        default: return undefined;
    }
}

/** True when the declaration fits the expectation. */
export function fitsKind(target: AstNode, expected: ExpectedKind): boolean {
    if (target.$type !== expected.type) return false;
    if (expected.elementKinds) return expected.elementKinds.includes((target as AstNode & { kind: ElementKind }).kind);
    return true;
}

const TYPE_NOUNS: Record<string, string> = {
    Requirement: 'requirement', Constraint: 'constraint', DataAsset: 'data asset', Deployment: 'deployment',
    DeploymentNode: 'deployment node', Decision: 'decision', View: 'view'
};

/** "a service", "a requirement", "a zone": what a declaration is, for messages. */
export function describeKind(target: AstNode): string {
    const kind = target.$type === 'Element' || target.$type === 'DeploymentNode'
        ? (target as AstNode & { kind: string }).kind
        : TYPE_NOUNS[target.$type] ?? target.$type;
    return (/^[aeiou]/.test(kind) ? 'an ' : 'a ') + kind;
}
