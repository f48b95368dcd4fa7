// Markdown documentation of an architecture, as pure functions of the ArchModel: an overview, a page
// per system, deployments, requirements traceability, the decision log, the data inventory, the
// readiness gaps by stage, and the views. Diagrams are ```mermaid blocks, which GitHub and GitLab
// draw as they are; links between pages are relative.
import type { ArchModel } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import { DocsContext, PAGES, type DocsOptions } from './context.js';
import { dataPage } from './data.js';
import { decisionsPage } from './decisions.js';
import { deploymentsPage } from './deployments.js';
import { overviewPage } from './overview.js';
import { readinessPage } from './readiness.js';
import { requirementsPage } from './requirements.js';
import { systemPage } from './system-page.js';
import { viewsPage } from './views-page.js';

export type { DocsOptions } from './context.js';

/** One generated file: its path relative to the output folder and its Markdown. */
export interface DocPage { path: string; content: string }

/** Every page of the documentation, overview first. */
export function generateDocs(model: ArchModel, index: ModelIndex, options: DocsOptions = {}): DocPage[] {
    const ctx = new DocsContext(model, index, options);
    const page = (path: string, content: string): DocPage => ({ path, content: content.trimEnd() + '\n' });
    return [
        page(PAGES.overview, overviewPage(ctx)),
        // One page per system id: a duplicated id is an error already, and the first declaration wins.
        ...[...index.elements.values()].filter(e => e.kind === 'system').map(s => page(ctx.systemPage(s.id), systemPage(ctx, s))),
        page(PAGES.deployments, deploymentsPage(ctx)),
        page(PAGES.requirements, requirementsPage(ctx)),
        page(PAGES.decisions, decisionsPage(ctx)),
        page(PAGES.data, dataPage(ctx)),
        page(PAGES.readiness, readinessPage(ctx)),
        page(PAGES.views, viewsPage(ctx))
    ];
}
