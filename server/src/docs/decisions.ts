// The decision log: every architecture decision with its status, date and the elements it affects,
// then each one's rationale and consequences.
import type { Decision } from '../model/arch-model.js';
import { pushAll } from '../util/arrays.js';
import { PAGES, type DocsContext } from './context.js';
import { code, paragraphs, table, text } from './markdown.js';

/** The decisions page. */
export function decisionsPage(ctx: DocsContext): string {
    const from = PAGES.decisions;
    const decisions = ctx.model.decisions;
    const lines = ['# Decisions', '', ...ctx.navigation(from)];
    if (decisions.length === 0) lines.push('The model records no decision.', '');
    pushAll(lines, table(['decision', 'status', 'date', 'affects'], decisions.map(d => [
        `${ctx.itemLink(d.id, from, from)} ${text(d.title)}`, status(ctx, d, from), text(d.date), d.affects.map(e => ctx.elementLink(e, from)).join(', ')
    ])));
    for (const d of decisions) {
        lines.push(`## ${code(d.id)}`, '', `**${text(d.title ?? d.id)}**: ${status(ctx, d, from)}${d.date ? `, ${text(d.date)}` : ''}`, '');
        pushAll(lines, paragraphs(d.description).flatMap(p => [p, '']));
        if (d.rationale) pushAll(lines, ['Rationale:', ''], paragraphs(d.rationale).flatMap(p => [`> ${p}`, '']));
        if (d.consequences) pushAll(lines, ['Consequences:', ''], paragraphs(d.consequences).flatMap(p => [`> ${p}`, '']));
    }
    return lines.join('\n');
}

function status(ctx: DocsContext, d: Decision, from: string): string {
    if (d.status === 'superseded') return d.supersededBy ? `superseded by ${ctx.itemLink(d.supersededBy, from, from)}` : 'superseded';
    return d.status ?? 'no status';
}
