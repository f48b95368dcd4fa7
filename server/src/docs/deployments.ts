// Deployments: each environment as a diagram and a table of what runs where.
import type { Deployment, DeploymentNode, View } from '../model/arch-model.js';
import { drawView } from '../views/index.js';
import { pushAll } from '../util/arrays.js';
import { PAGES, type DocsContext } from './context.js';
import { code, mermaid, paragraphs, table, text } from './markdown.js';

/** The deployments page. */
export function deploymentsPage(ctx: DocsContext): string {
    const from = PAGES.deployments;
    const lines = ['# Deployments', '', ...ctx.navigation(from)];
    if (ctx.model.deployments.length === 0) lines.push('The model declares no deployment.', '');
    for (const d of ctx.model.deployments) pushAll(lines, deployment(ctx, d, from));
    return lines.join('\n');
}

function deployment(ctx: DocsContext, d: Deployment, from: string): string[] {
    const view: View = { id: `deployment-${d.id}`, form: 'deployment', subject: d.id, include: [], exclude: [], steps: [], allows: [], automatic: true };
    const lines = [`## ${code(d.id)}`, '', `${d.title ? `**${text(d.title)}**, ` : ''}${d.kind}${d.zones.length ? ` · zones: ${d.zones.map(code).join(', ')}` : ''}`, ''];
    pushAll(lines, paragraphs(d.description).flatMap(p => [p, '']));
    pushAll(lines, mermaid(drawView(ctx.model, ctx.index, view).mermaid));
    const paths = nodePaths(d.nodes);
    pushAll(lines, table(['node', 'zone', 'runs', 'instances'], d.instances.map(i => [
        paths.get(i.node) ?? code(i.node), i.zone ? code(i.zone) : '', ctx.elementLink(i.element, from), String(i.count)
    ])));
    return lines;
}

/** `region › zone › node` for each node, with the technology of the node. */
function nodePaths(nodes: readonly DeploymentNode[], prefix = ''): Map<string, string> {
    const out = new Map<string, string>();
    for (const n of nodes) {
        const path = `${prefix}${code(n.id)}`;
        out.set(n.id, n.technology ? `${path} (${text(n.technology)})` : path);
        for (const [id, p] of nodePaths(n.children, `${path} › `)) out.set(id, p);
    }
    return out;
}
