import { GrammarUtils, type AstNode, type LangiumDocument, type Reference } from 'langium';
import * as ast from '../language/generated/ast.js';
import { propertyKeyword } from '../language/property-names.js';
import type {
    Allow, ArchElement, ArchModel, Architecture, Constraint, DataAsset, Decision, Deployment, DeploymentNode,
    Flow, Instance, Link, Range, Requirement, Source, SourceLocation, View
} from './arch-model.js';

/**
 * Builds the ArchModel of one workspace folder from its linked documents, taken in path order.
 * Unresolved references and references to the wrong kind of thing are left out: the validator
 * reports them, and nothing downstream has to cope with them.
 */
export function buildArchModel(documents: readonly LangiumDocument[]): ArchModel {
    const docs = [...documents].sort((a, b) => a.uri.toString() < b.uri.toString() ? -1 : a.uri.toString() > b.uri.toString() ? 1 : 0);
    const model: ArchModel = {
        stage: 'whiteboard', elements: [], flows: [], requirements: [], constraints: [], data: [],
        deployments: [], decisions: [], views: [], uris: docs.map(d => d.uri.toString())
    };
    const flowCounts = new Map<string, number>();
    for (const doc of docs) {
        const root = doc.parseResult.value as ast.Model;
        if (!ast.isModel(root)) continue;
        const uri = doc.uri.toString();
        for (const decl of root.declarations) {
            switch (decl.$type) {
                case 'Architecture': {
                    const arch = buildArchitecture(decl, uri);
                    if (!model.architecture) model.architecture = arch;
                    break;
                }
                case 'Requirement': model.requirements.push(buildRequirement(decl, uri)); break;
                case 'Constraint': model.constraints.push(buildConstraint(decl, uri)); break;
                case 'DataAsset': model.data.push(buildData(decl, uri)); break;
                case 'Element': buildElement(decl, uri, undefined, model.elements); break;
                case 'Flow': {
                    const flow = buildFlow(decl, uri, flowCounts);
                    if (flow) model.flows.push(flow);
                    break;
                }
                case 'Deployment': model.deployments.push(buildDeployment(decl, uri)); break;
                case 'Decision': model.decisions.push(buildDecision(decl, uri)); break;
                case 'View': model.views.push(buildView(decl, uri)); break;
            }
        }
    }
    model.stage = model.architecture?.stage ?? 'whiteboard';
    return model;
}

// ── Helpers ────────────────────────────────────────────────────────────────

function rangeOf(node: AstNode | undefined): Range {
    const r = node?.$cstNode?.range;
    return r ? { start: { ...r.start }, end: { ...r.end } } : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function cstRange(cst: { range: Range }): Range {
    return { start: { ...cst.range.start }, end: { ...cst.range.end } };
}

function nameRange(node: AstNode, property = 'name'): Range {
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
    return cst ? cstRange(cst) : rangeOf(node);
}

function keywordRange(node: AstNode, keyword: string): Range | undefined {
    const cst = GrammarUtils.findNodeForKeyword(node.$cstNode, keyword);
    return cst ? cstRange(cst) : undefined;
}

function sourceOf(node: AstNode & { members?: AstNode[] }, uri: string, nameProperty = 'name'): Source {
    const properties: Partial<Record<string, Range>> = {};
    for (const member of node.members ?? []) {
        const keyword = propertyKeyword(member);
        if (keyword && !properties[keyword]) properties[keyword] = rangeOf(member);
    }
    const open = keywordRange(node, '{');
    const close = keywordRange(node, '}');
    return {
        name: { uri, range: nameRange(node, nameProperty) },
        full: rangeOf(node),
        block: open && close ? { open: open.start, close: close.start } : undefined,
        properties
    };
}

function location(node: AstNode, uri: string): SourceLocation {
    return { uri, range: rangeOf(node) };
}

/** The referenced declaration's id, if the reference resolved to one of the given types. */
function refId(ref: Reference<ast.Named> | undefined, ...types: string[]): string | undefined {
    const target = ref?.ref;
    if (!target || (types.length > 0 && !types.includes(target.$type))) return undefined;
    return target.name;
}

function refIds(refs: readonly Reference<ast.Named>[], ...types: string[]): string[] {
    return refs.map(r => refId(r, ...types)).filter((id): id is string => id !== undefined);
}

function membersOf<T extends AstNode>(node: { members?: AstNode[] }, guard: (n: unknown) => n is T): T[] {
    return (node.members ?? []).filter(guard);
}

function first<T extends AstNode>(node: { members?: AstNode[] }, guard: (n: unknown) => n is T): T | undefined {
    return (node.members ?? []).find(guard) as T | undefined;
}

function allowsOf(node: { members?: AstNode[] }, uri: string): Allow[] {
    return membersOf(node, ast.isAllowProperty).map(a => ({ rule: a.rule, reason: a.reason, location: location(a, uri) }));
}

// ── Declarations ───────────────────────────────────────────────────────────

function buildArchitecture(node: ast.Architecture, uri: string): Architecture {
    const source = sourceOf(node, uri);
    const keyword = keywordRange(node, 'architecture');
    if (keyword) source.name = { uri, range: keyword };
    return {
        title: node.title,
        stage: first(node, ast.isStageProperty)?.value ?? 'whiteboard',
        description: first(node, ast.isDescriptionProperty)?.value,
        owner: first(node, ast.isOwnerProperty)?.value,
        rules: membersOf(node, ast.isRuleProperty).map(r => ({ rule: r.rule, severity: r.severity, location: location(r, uri) })),
        decl: source
    };
}

function buildRequirement(node: ast.Requirement, uri: string): Requirement {
    const target = first(node, ast.isTargetProperty);
    return {
        id: node.name,
        title: node.title,
        kind: first(node, ast.isRequirementKindProperty)?.value,
        target: target ? (target.percent !== undefined ? { percent: parseFloat(target.percent) } : { text: target.text }) : undefined,
        priority: first(node, ast.isPriorityProperty)?.value,
        description: first(node, ast.isDescriptionProperty)?.value,
        allows: allowsOf(node, uri),
        decl: sourceOf(node, uri)
    };
}

function buildConstraint(node: ast.Constraint, uri: string): Constraint {
    return {
        id: node.name,
        title: node.title,
        kind: first(node, ast.isConstraintKindProperty)?.value,
        standard: first(node, ast.isStandardProperty)?.value,
        description: first(node, ast.isDescriptionProperty)?.value,
        allows: allowsOf(node, uri),
        decl: sourceOf(node, uri)
    };
}

function buildData(node: ast.DataAsset, uri: string): DataAsset {
    return {
        id: node.name,
        title: node.title,
        class: first(node, ast.isClassProperty)?.value,
        description: first(node, ast.isDescriptionProperty)?.value,
        owner: first(node, ast.isOwnerProperty)?.value,
        allows: allowsOf(node, uri),
        decl: sourceOf(node, uri)
    };
}

function buildElement(node: ast.Element, uri: string, parent: string | undefined, out: ArchElement[]): ArchElement {
    const scaling = first(node, ast.isScalingProperty);
    const backup = first(node, ast.isBackupProperty);
    const element: ArchElement = {
        id: node.name,
        kind: node.kind,
        title: node.title,
        description: first(node, ast.isDescriptionProperty)?.value,
        technology: first(node, ast.isTechnologyProperty)?.value,
        owner: first(node, ast.isOwnerProperty)?.value,
        tags: membersOf(node, ast.isTagsProperty).flatMap(t => t.values),
        links: membersOf(node, ast.isLinkProperty).map((l): Link => ({ kind: l.kind, target: l.value, location: location(l, uri) })),
        satisfies: membersOf(node, ast.isSatisfiesProperty).flatMap(s => refIds(s.refs, 'Requirement')),
        exposure: first(node, ast.isExposureProperty)?.value,
        replicas: first(node, ast.isReplicasProperty)?.value,
        scaling: scaling ? { mode: scaling.mode, min: scaling.min, max: scaling.max } : undefined,
        healthcheck: first(node, ast.isHealthcheckProperty)?.value,
        monitoring: first(node, ast.isMonitoringProperty)?.signals,
        alerts: membersOf(node, ast.isAlertProperty).map(a => a.value),
        stores: membersOf(node, ast.isStoresProperty).flatMap(s => refIds(s.refs, 'DataAsset')),
        encryptionAtRest: first(node, ast.isEncryptionProperty) !== undefined,
        replication: first(node, ast.isReplicationProperty)?.value,
        sharding: first(node, ast.isShardingProperty)?.value,
        backup: backup ? { frequency: backup.frequency, retain: backup.retain } : undefined,
        allows: allowsOf(node, uri),
        parent,
        children: [],
        decl: sourceOf(node, uri)
    };
    out.push(element);
    for (const child of membersOf(node, ast.isElement)) {
        element.children.push(buildElement(child, uri, element.id, out).id);
    }
    return element;
}

function buildFlow(node: ast.Flow, uri: string, counts: Map<string, number>): Flow | undefined {
    const source = refId(node.source, 'Element');
    const target = refId(node.target, 'Element');
    if (!source || !target) return undefined;
    const pair = `${source}->${target}`;
    const n = (counts.get(pair) ?? 0) + 1;
    counts.set(pair, n);
    const decl = sourceOf(node, uri);
    decl.name = { uri, range: keywordRange(node, '->') ?? decl.full };
    return {
        key: `${pair}#${n}`,
        source,
        target,
        label: node.label,
        protocol: first(node, ast.isProtocolProperty)?.value,
        format: first(node, ast.isFormatProperty)?.value,
        carries: membersOf(node, ast.isCarriesProperty).flatMap(c => refIds(c.refs, 'DataAsset')),
        encrypted: first(node, ast.isEncryptedProperty) !== undefined,
        auth: first(node, ast.isAuthProperty)?.value,
        async: first(node, ast.isAsyncProperty) !== undefined,
        description: first(node, ast.isDescriptionProperty)?.value,
        allows: allowsOf(node, uri),
        decl
    };
}

function buildDeployment(node: ast.Deployment, uri: string): Deployment {
    const deployment: Deployment = {
        id: node.name,
        title: node.title,
        kind: first(node, ast.isDeploymentKindProperty)?.value ?? 'production',
        description: first(node, ast.isDescriptionProperty)?.value,
        nodes: [],
        instances: [],
        zones: [],
        allows: allowsOf(node, uri),
        decl: sourceOf(node, uri)
    };
    for (const child of membersOf(node, ast.isDeploymentNode)) {
        deployment.nodes.push(buildNode(child, uri, deployment, undefined));
    }
    return deployment;
}

function buildNode(node: ast.DeploymentNode, uri: string, deployment: Deployment, zone: string | undefined): DeploymentNode {
    const ownZone = node.kind === 'zone' ? node.name : zone;
    if (node.kind === 'zone') deployment.zones.push(node.name);
    const result: DeploymentNode = {
        id: node.name,
        kind: node.kind,
        title: node.title,
        technology: first(node, ast.isTechnologyProperty)?.value,
        description: first(node, ast.isDescriptionProperty)?.value,
        children: [],
        instances: [],
        decl: sourceOf(node, uri)
    };
    for (const member of node.members) {
        if (ast.isRunsProperty(member)) {
            for (const instance of member.instances) {
                const element = refId(instance.element, 'Element');
                if (!element) continue;
                const count = instance.count && /^x[1-9][0-9]*$/.test(instance.count) ? parseInt(instance.count.slice(1), 10) : 1;
                const built: Instance = { element, count, deployment: deployment.id, node: node.name, zone: ownZone, location: location(instance, uri) };
                result.instances.push(built);
                deployment.instances.push(built);
            }
        } else if (ast.isDeploymentNode(member)) {
            result.children.push(buildNode(member, uri, deployment, ownZone));
        }
    }
    return result;
}

function buildDecision(node: ast.Decision, uri: string): Decision {
    const status = first(node, ast.isStatusProperty);
    return {
        id: node.name,
        title: node.title,
        status: status?.value,
        supersededBy: status ? refId(status.supersededBy, 'Decision') : undefined,
        date: first(node, ast.isDateProperty)?.value,
        affects: membersOf(node, ast.isAffectsProperty).flatMap(a => refIds(a.refs, 'Element')),
        rationale: first(node, ast.isRationaleProperty)?.value,
        consequences: first(node, ast.isConsequencesProperty)?.value,
        description: first(node, ast.isDescriptionProperty)?.value,
        allows: allowsOf(node, uri),
        decl: sourceOf(node, uri)
    };
}

const SUBJECT_TYPES: Record<string, string> = { of: 'Element', deployment: 'Deployment', dataflow: 'DataAsset' };

function buildView(node: ast.View, uri: string): View {
    const form = node.form ?? 'landscape';
    const includes = membersOf(node, ast.isIncludeProperty);
    return {
        id: node.name,
        title: node.title,
        form,
        subject: SUBJECT_TYPES[form] ? refId(node.subject, SUBJECT_TYPES[form]) : undefined,
        include: includes.some(i => i.all) ? '*' : includes.flatMap(i => refIds(i.refs, 'Element')),
        exclude: membersOf(node, ast.isExcludeProperty).flatMap(e => refIds(e.refs, 'Element')),
        steps: membersOf(node, ast.isSequenceStep).flatMap(step => {
            const source = refId(step.source, 'Element');
            const target = refId(step.target, 'Element');
            return source && target ? [{ source, target, label: step.label, location: location(step, uri) }] : [];
        }),
        description: first(node, ast.isDescriptionProperty)?.value,
        allows: allowsOf(node, uri),
        decl: sourceOf(node, uri)
    };
}
