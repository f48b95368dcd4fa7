import type { ArchElement, Constraint, DataAsset, Decision, Deployment, DeploymentNode, Flow, Instance, Requirement, View } from '../model/arch-model.js';
import { isEncrypted, SENSITIVE_CLASSES } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';

// Markdown for hovers, from the ArchModel: what a reader wants to know about a declaration
// without leaving the line, lists capped so a hover never fills the screen.

const LIST_CAP = 5;

/** Text from the model, with Markdown's special characters taken literally. */
function md(text: string): string {
    return text.replace(/[\\`*_[\]<>#|]/g, c => '\\' + c);
}

function heading(kind: string, id: string, title?: string): string {
    return `**${kind}** \`${id}\`${title ? ' — ' + md(title) : ''}`;
}

/** `label: value` pairs on one line, skipping empty values. */
function facts(pairs: [string, string | number | undefined][]): string | undefined {
    const shown = pairs.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}: ${md(String(v))}`);
    return shown.length > 0 ? shown.join(' · ') : undefined;
}

function ids(list: readonly string[]): string {
    return list.map(id => `\`${id}\``).join(', ');
}

/** A titled bullet list, at most LIST_CAP items and a count of the rest. */
function capped(title: string, items: readonly string[]): string | undefined {
    if (items.length === 0) return undefined;
    const shown = items.slice(0, LIST_CAP).map(i => `- ${i}`);
    if (items.length > LIST_CAP) shown.push(`- … and ${items.length - LIST_CAP} more`);
    return `${title} (${items.length}):\n${shown.join('\n')}`;
}

function flowLine(flow: Flow, other: string, arrow: '→' | '←'): string {
    const how = [flow.protocol, flow.async ? 'async' : undefined, isEncrypted(flow) ? undefined : 'unencrypted'].filter(Boolean).join(', ');
    return `${arrow} \`${other}\`${flow.label ? ' "' + md(flow.label) + '"' : ''}${how ? ` (${md(how)})` : ''}`;
}

function instanceLine(i: Instance): string {
    return `\`${i.deployment}\` / \`${i.node}\`${i.zone ? ` in zone \`${i.zone}\`` : ''}${i.count > 1 ? ` ×${i.count}` : ''}`;
}

function join(parts: (string | undefined)[]): string {
    return parts.filter(p => p).join('\n\n');
}

export function elementHover(e: ArchElement, index: ModelIndex): string {
    return join([
        heading(e.kind, e.id, e.title),
        e.description && md(e.description),
        facts([['Technology', e.technology], ['Owner', e.owner], ['Part of', e.parent]]),
        e.satisfies.length > 0 ? `Satisfies: ${ids(e.satisfies)}` : undefined,
        e.stores.length > 0 ? `Stores: ${ids(e.stores)}` : undefined,
        capped('Flows out', (index.outgoing.get(e.id) ?? []).map(f => flowLine(f, f.target, '→'))),
        capped('Flows in', (index.incoming.get(e.id) ?? []).map(f => flowLine(f, f.source, '←'))),
        capped('Deployed', (index.instances.get(e.id) ?? []).map(instanceLine))
    ]);
}

export function requirementHover(r: Requirement, index: ModelIndex): string {
    const target = r.target?.percent !== undefined ? `${r.target.percent}%` : r.target?.text;
    const by = index.satisfiedBy.get(r.id) ?? [];
    return join([
        heading('requirement', r.id, r.title),
        r.description && md(r.description),
        facts([['Kind', r.kind], ['Target', target], ['Priority', r.priority]]),
        by.length > 0 ? `Satisfied by: ${ids(by)}` : 'Satisfied by no element yet.'
    ]);
}

export function constraintHover(c: Constraint): string {
    return join([heading('constraint', c.id, c.title), c.description && md(c.description), facts([['Kind', c.kind], ['Standard', c.standard]])]);
}

export function dataHover(d: DataAsset, index: ModelIndex): string {
    const sensitive = d.class && SENSITIVE_CLASSES.includes(d.class) ? ' (sensitive)' : '';
    const stored = index.storedIn.get(d.id) ?? [];
    return join([
        heading('data', d.id, d.title),
        d.description && md(d.description),
        facts([['Class', d.class && d.class + sensitive], ['Owner', d.owner]]),
        stored.length > 0 ? `Stored in: ${ids(stored)}` : undefined,
        capped('Carried by', (index.carriedBy.get(d.id) ?? []).map(f => `\`${f.source}\` → \`${f.target}\`${f.label ? ' "' + md(f.label) + '"' : ''}`))
    ]);
}

export function decisionHover(d: Decision): string {
    const status = d.status === 'superseded' && d.supersededBy ? `superseded by ${d.supersededBy}` : d.status;
    return join([
        heading('decision', d.id, d.title),
        facts([['Status', status], ['Date', d.date]]),
        d.affects.length > 0 ? `Affects: ${ids(d.affects)}` : undefined,
        d.rationale && `Rationale: ${md(d.rationale)}`,
        d.consequences && `Consequences: ${md(d.consequences)}`
    ]);
}

export function deploymentHover(d: Deployment): string {
    return join([
        heading('deployment', d.id, d.title),
        d.description && md(d.description),
        facts([['Kind', d.kind], ['Zones', d.zones.length], ['Instances', d.instances.reduce((n, i) => n + i.count, 0)]])
    ]);
}

export function nodeHover(n: DeploymentNode, deployment: Deployment): string {
    return join([
        heading(n.kind, n.id, n.title),
        facts([['Deployment', deployment.id], ['Technology', n.technology]]),
        capped('Contains', n.children.map(c => `${c.kind} \`${c.id}\``)),
        capped('Runs', n.instances.map(i => `\`${i.element}\`${i.count > 1 ? ` ×${i.count}` : ''}`))
    ]);
}

export function viewHover(v: View): string {
    return join([heading('view', v.id, v.title), facts([['Form', v.form], ['Of', v.subject]]), v.description && md(v.description)]);
}
