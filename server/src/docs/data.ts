// The data inventory: for each data asset, its class, which stores hold it (encrypted at rest or
// not) and which flows carry it (encrypted or not): what a privacy review asks first.
import { isEncrypted, SENSITIVE_CLASSES, type DataAsset } from '../model/arch-model.js';
import { pushAll } from '../util/arrays.js';
import { PAGES, type DocsContext } from './context.js';
import { flowsTable } from './flows-table.js';
import { code, paragraphs, table, text, yesNo } from './markdown.js';

/** The data page. */
export function dataPage(ctx: DocsContext): string {
    const from = PAGES.data;
    const { model, index } = ctx;
    const lines = ['# Data', '', ...ctx.navigation(from)];
    if (model.data.length === 0) lines.push('The model declares no data asset.', '');
    pushAll(lines, table(['data', 'class', 'sensitive', 'stored in', 'carried by', 'unencrypted'], model.data.map(d => {
        const stores = index.storedIn.get(d.id) ?? [];
        const flows = index.carriedBy.get(d.id) ?? [];
        const open = stores.filter(s => !index.elements.get(s)?.encryptionAtRest).length + flows.filter(f => !isEncrypted(f)).length;
        return [`${ctx.itemLink(d.id, from, from)} ${text(d.title)}`, d.class ?? '', sensitive(d) ? 'yes' : 'no', String(stores.length), `${flows.length} flows`, open ? `**${open}**` : '0'];
    })));
    for (const d of model.data) pushAll(lines, asset(ctx, d, from));
    return lines.join('\n');
}

function sensitive(d: DataAsset): boolean {
    return d.class !== undefined && SENSITIVE_CLASSES.includes(d.class);
}

function asset(ctx: DocsContext, d: DataAsset, from: string): string[] {
    const lines = [`## ${code(d.id)}`, '', `**${text(d.title ?? d.id)}**${d.class ? `, class ${d.class}` : ''}${d.owner ? ` · owner: ${text(d.owner)}` : ''}`, ''];
    pushAll(lines, paragraphs(d.description).flatMap(p => [p, '']));
    const stores = ctx.index.storedIn.get(d.id) ?? [];
    pushAll(lines, stores.length ? ['Held at rest in:', '', ...table(['store', 'kind', 'encrypted at rest'], stores.map(s => {
        const e = ctx.index.elements.get(s);
        return [ctx.elementLink(s, from), e?.kind ?? '', yesNo(e?.encryptionAtRest === true)];
    }))] : ['Held in no store.', '']);
    const flows = ctx.index.carriedBy.get(d.id) ?? [];
    pushAll(lines, flows.length ? ['Carried by:', '', ...flowsTable(ctx, flows, from)] : ['Carried by no flow.', '']);
    return lines;
}
