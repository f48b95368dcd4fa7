// The flows of a page as one table: who talks to whom, how, carrying what, and whether it is encrypted.
import { isEncrypted, type Flow } from '../model/arch-model.js';
import { PAGES, type DocsContext } from './context.js';
import { table, text, yesNo } from './markdown.js';

/** A table of the flows, linked from page `from`; nothing when there are none. */
export function flowsTable(ctx: DocsContext, flows: readonly Flow[], from: string): string[] {
    return table(['from', 'to', 'what', 'protocol', 'data', 'encrypted', 'sync'], flows.map(f => [
        ctx.elementLink(f.source, from),
        ctx.elementLink(f.target, from),
        text(f.label),
        text(f.protocol),
        f.carries.map(d => ctx.itemLink(d, PAGES.data, from)).join(', '),
        yesNo(isEncrypted(f)),
        f.async ? 'async' : 'sync'
    ]));
}
