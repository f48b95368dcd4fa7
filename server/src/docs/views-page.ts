// The model's own views (or its automatic ones when it declares none), each as a Mermaid block.
import { listViews, renderView } from '../views/index.js';
import { pushAll } from '../util/arrays.js';
import { PAGES, type DocsContext } from './context.js';
import { code, mermaid, paragraphs, text } from './markdown.js';

/** The views page. */
export function viewsPage(ctx: DocsContext): string {
    const lines = ['# Views', '', ...ctx.navigation(PAGES.views)];
    for (const summary of listViews(ctx.model)) {
        const view = renderView(ctx.model, ctx.index, summary.id);
        if (!view) continue;
        const declared = ctx.index.views.get(summary.id);
        lines.push(`## ${code(view.id)}`, '', `**${text(view.title)}** (${view.kind}${view.automatic ? ', automatic' : ''})`, '');
        pushAll(lines, paragraphs(declared?.description).flatMap(p => [p, '']), mermaid(view.mermaid));
    }
    return lines.join('\n');
}
