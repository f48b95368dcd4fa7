// A page per system: its inside as a diagram, each part as a section, the flows that cross or stay
// inside it, the requirements it serves and the decisions about it.
import type { ArchElement, View } from '../model/arch-model.js';
import { drawView } from '../views/index.js';
import { pushAll } from '../util/arrays.js';
import { PAGES, type DocsContext } from './context.js';
import { elementSection } from './element-section.js';
import { flowsTable } from './flows-table.js';
import { code, link, mermaid, paragraphs, table, text } from './markdown.js';

/** The page of one system, at ctx.systemPage(system.id). */
export function systemPage(ctx: DocsContext, system: ArchElement): string {
    const from = ctx.systemPage(system.id);
    const lines = [`# ${system.title ? text(system.title) : code(system.id)}`, '', ...ctx.navigation(from)];
    lines.push(`System ${code(system.id)}${system.parent ? `, part of ${ctx.elementLink(system.parent, from)}` : ''}${system.technology ? ` · ${text(system.technology)}` : ''}${system.owner ? ` · owner: ${text(system.owner)}` : ''}`, '');
    pushAll(lines, paragraphs(system.description).flatMap(p => [p, '']));
    const inside: View = { id: `of-${system.id}`, form: 'of', subject: system.id, include: [], exclude: [], steps: [], allows: [], automatic: true };
    pushAll(lines, mermaid(drawView(ctx.model, ctx.index, inside).mermaid));
    const parts = system.children.map(id => ctx.index.elements.get(id)).filter((e): e is ArchElement => e !== undefined);
    const nested = parts.filter(p => p.kind === 'system');
    if (nested.length) pushAll(lines, ['## Systems inside', ''], nested.map(s => `- ${ctx.elementLink(s.id, from)}${s.title ? ` ${text(s.title)}` : ''}`), ['']);
    const own = parts.filter(p => p.kind !== 'system');
    if (own.length) pushAll(lines, ['## Parts', ''], own.flatMap(p => elementSection(ctx, p, from)));
    const members = new Set([system.id, ...ctx.index.descendants(system.id)]);
    const flows = ctx.model.flows.filter(f => members.has(f.source) || members.has(f.target));
    if (flows.length) pushAll(lines, ['## Flows', ''], flowsTable(ctx, flows, from));
    const requirements = ctx.model.requirements.filter(r => (ctx.index.satisfiedBy.get(r.id) ?? []).some(e => members.has(e)));
    if (requirements.length) pushAll(lines, ['## Requirements it serves', ''], table(['requirement', 'title', 'kind'], requirements.map(r => [ctx.itemLink(r.id, PAGES.requirements, from), text(r.title), r.kind ?? ''])));
    const decisions = ctx.model.decisions.filter(d => d.affects.some(e => members.has(e)));
    if (decisions.length) pushAll(lines, ['## Decisions', ''], decisions.map(d => `- ${ctx.itemLink(d.id, PAGES.decisions, from)} ${text(d.title)} (${d.status ?? 'no status'})`), ['']);
    lines.push(link('Back to the overview', '../' + PAGES.overview), '');
    return lines.join('\n');
}
