// The requirements traceability matrix: each requirement, what satisfies it, and the readiness gaps
// on it or naming it (a single point of failure lists the availability requirement it endangers).
import type { Requirement } from '../model/arch-model.js';
import { pushAll } from '../util/arrays.js';
import { PAGES, type DocsContext, type Gap } from './context.js';
import { code, paragraphs, table, text } from './markdown.js';

/** The requirements page: the matrix, then each requirement and constraint as a section. */
export function requirementsPage(ctx: DocsContext): string {
    const from = PAGES.requirements;
    const { model } = ctx;
    const lines = ['# Requirements', '', ...ctx.navigation(from)];
    if (model.requirements.length === 0) lines.push('The model declares no requirement.', '');
    pushAll(lines, table(['requirement', 'kind', 'target', 'satisfied by', 'open readiness gaps'], model.requirements.map(r => [
        `${ctx.itemLink(r.id, from, from)} ${text(r.title)}`,
        r.kind ?? '',
        target(r),
        (ctx.index.satisfiedBy.get(r.id) ?? []).map(e => ctx.elementLink(e, from)).join(', ') || '**nothing**',
        gapsOf(ctx, r).map(g => `${code(g.diagnostic.code)}${g.subject && g.subject !== r.id ? ` on ${text(g.subject)}` : ''}`).join('; ')
    ])));
    for (const r of model.requirements) {
        pushAll(lines, [`## ${code(r.id)}`, '', `**${text(r.title ?? r.id)}**${r.priority ? ` (${r.priority})` : ''}`, ''], paragraphs(r.description).flatMap(p => [p, '']));
    }
    if (model.constraints.length) {
        pushAll(lines, ['## Constraints', ''], table(['constraint', 'kind', 'standard', 'description'], model.constraints.map(c => [
            `${code(c.id)} ${text(c.title)}`, c.kind ?? '', c.standard ?? '', text(c.description)
        ])));
    }
    return lines.join('\n');
}

function target(r: Requirement): string {
    if (r.target?.percent !== undefined) return `${r.target.percent}%`;
    return text(r.target?.text);
}

/** The gaps reported on the requirement, or pointing at it as related information. */
function gapsOf(ctx: DocsContext, r: Requirement): Gap[] {
    const at = (l: { uri: string; range: { start: { line: number; character: number } } }) =>
        l.uri === r.decl.name.uri && l.range.start.line === r.decl.name.range.start.line && l.range.start.character === r.decl.name.range.start.character;
    return ctx.gaps.filter(g => at(g.diagnostic.location) || (g.diagnostic.related ?? []).some(rel => at(rel.location)));
}
