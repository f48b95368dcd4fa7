// One element as a section of its page: an id heading (the anchor other pages link to), its title,
// and a list of what the model says about it.
import type { ArchElement } from '../model/arch-model.js';
import { pushAll } from '../util/arrays.js';
import { PAGES, type DocsContext } from './context.js';
import { code, paragraphs, text, urlOrText } from './markdown.js';

/** `### \`id\`` followed by the element's title, description and properties, for page `from`. */
export function elementSection(ctx: DocsContext, e: ArchElement, from: string): string[] {
    const lines = [`### ${code(e.id)}`, ''];
    if (e.title) lines.push(`**${text(e.title)}** (${e.kind})`, '');
    else lines.push(`(${e.kind})`, '');
    pushAll(lines, paragraphs(e.description).flatMap(p => [p, '']));
    const facts = properties(ctx, e, from);
    if (facts.length) pushAll(lines, facts.map(f => `- ${f}`), ['']);
    return lines;
}

function properties(ctx: DocsContext, e: ArchElement, from: string): string[] {
    const facts: string[] = [];
    const add = (label: string, value: string | undefined) => { if (value) facts.push(`${label}: ${value}`); };
    add('technology', e.technology && text(e.technology));
    add('owner', e.owner && text(e.owner));
    add('tags', e.tags.length ? e.tags.map(text).join(', ') : undefined);
    add('exposure', e.exposure);
    add('replicas', e.replicas?.toString());
    add('scaling', e.scaling && [e.scaling.mode, e.scaling.min !== undefined ? `min ${e.scaling.min}` : '', e.scaling.max !== undefined ? `max ${e.scaling.max}` : ''].filter(Boolean).join(' '));
    add('health check', e.healthcheck && text(e.healthcheck));
    add('monitoring', e.monitoring?.join(', '));
    add('alerts', e.alerts.length ? e.alerts.map(text).join('; ') : undefined);
    add('stores', e.stores.length ? e.stores.map(d => ctx.itemLink(d, PAGES.data, from)).join(', ') : undefined);
    if (e.stores.length || e.encryptionAtRest) add('encryption at rest', e.encryptionAtRest ? 'yes' : '**no**');
    add('replication', e.replication);
    add('sharding', e.sharding && text(e.sharding));
    add('backup', e.backup && `${e.backup.frequency}${e.backup.retain ? `, kept ${e.backup.retain}` : ''}`);
    add('satisfies', e.satisfies.length ? e.satisfies.map(r => ctx.itemLink(r, PAGES.requirements, from)).join(', ') : undefined);
    for (const l of e.links) add(l.kind, urlOrText(l.target));
    const decisions = ctx.index.decisionsAffecting.get(e.id) ?? [];
    add('decisions', decisions.length ? decisions.map(d => ctx.itemLink(d.id, PAGES.decisions, from)).join(', ') : undefined);
    return facts;
}
