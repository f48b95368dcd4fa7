// What every page of the generated docs shares: where each thing is documented (so that pages link
// to each other with relative paths that work on GitHub and GitLab), and the readiness gaps.
import type { ArchElement, ArchModel, Position, SourceLocation } from '../model/arch-model.js';
import type { ModelDiagnostic } from '../model/diagnostic.js';
import type { ModelIndex } from '../model/graph.js';
import { checkReadiness } from '../rules/engine.js';
import { READINESS_RULES } from '../rules/registry.js';
import { code, link } from './markdown.js';

export interface DocsOptions {
    /** How a file is named on the pages (the command line gives a path relative to the model). */
    pathOf?: (uri: string) => string;
}

/** The page names of the generated docs, relative to the output folder. */
export const PAGES = {
    overview: 'README.md', deployments: 'deployments.md', requirements: 'requirements.md',
    decisions: 'decisions.md', data: 'data.md', readiness: 'readiness.md', views: 'views.md'
} as const;

/** A readiness gap with a readable subject. */
export interface Gap { diagnostic: ModelDiagnostic; subject: string; where: string }

export class DocsContext {
    /** Every readiness finding up to production, whatever the model's stage: the full list of gaps. */
    readonly gaps: Gap[];

    constructor(readonly model: ArchModel, readonly index: ModelIndex, private readonly options: DocsOptions = {}) {
        const subjects = subjectsByLocation(model);
        this.gaps = checkReadiness(model, index, READINESS_RULES, { stage: 'production' }).map(d => ({
            diagnostic: d,
            subject: subjects.get(key(d.location)) ?? '',
            where: `${this.pathOf(d.location.uri)}:${d.location.range.start.line + 1}`
        }));
    }

    pathOf(uri: string): string {
        return this.options.pathOf?.(uri) ?? decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    }

    /** The page of a system. */
    systemPage(id: string): string {
        return `systems/${id.replace(/[^A-Za-z0-9_-]/g, '_')}.md`;
    }

    /** The nearest system holding the element (itself for a system), if any. */
    systemOf(element: ArchElement): string | undefined {
        if (element.kind === 'system') return element.id;
        return this.index.ancestors(element.id).find(a => this.index.elements.get(a)?.kind === 'system');
    }

    /** A link from page `from` to the element: its system's page (and its section there), or the overview. */
    elementLink(id: string, from: string): string {
        const element = this.index.elements.get(id);
        if (!element) return code(id);
        const system = this.systemOf(element);
        if (element.kind === 'system') return link(code(id), relative(from, this.systemPage(id)));
        return link(code(id), `${relative(from, system ? this.systemPage(system) : PAGES.overview)}#${anchor(id)}`);
    }

    /** A link from page `from` to an anchored item of another page. */
    itemLink(id: string, page: string, from: string): string {
        return link(code(id), `${relative(from, page)}#${anchor(id)}`);
    }

    /** The line of links to every page, at the top of each. */
    navigation(from: string): string[] {
        const names: [string, string][] = [['Overview', PAGES.overview], ['Deployments', PAGES.deployments], ['Requirements', PAGES.requirements],
            ['Decisions', PAGES.decisions], ['Data', PAGES.data], ['Readiness', PAGES.readiness], ['Views', PAGES.views]];
        return [names.map(([label, page]) => link(label, relative(from, page))).join(' · '), ''];
    }
}

/** The heading anchor of an id-only heading (`### \`orders-db\``): GitHub and GitLab agree on it. */
export function anchor(id: string): string {
    return id.toLowerCase();
}

/** A path from one page to another, both relative to the output folder (`../data.md`, `billing.md`). */
export function relative(from: string, to: string): string {
    const fromDirs = from.split('/').slice(0, -1);
    const target = to.split('/');
    let common = 0;
    while (common < fromDirs.length && common < target.length - 1 && fromDirs[common] === target[common]) common++;
    return '../'.repeat(fromDirs.length - common) + target.slice(common).join('/');
}

function key(location: SourceLocation | { uri: string; range: { start: Position } }): string {
    return `${location.uri}:${location.range.start.line}:${location.range.start.character}`;
}

/** What each declaration's name location belongs to, to say what a gap is about. */
function subjectsByLocation(model: ArchModel): Map<string, string> {
    const map = new Map<string, string>();
    for (const e of model.elements) map.set(key(e.decl.name), e.id);
    for (const f of model.flows) map.set(key(f.decl.name), `${f.source} -> ${f.target}`);
    for (const list of [model.requirements, model.decisions, model.data, model.deployments]) {
        for (const item of list) map.set(key(item.decl.name), item.id);
    }
    for (const v of model.views) if (v.decl) map.set(key(v.decl.name), v.id);
    if (model.architecture) map.set(key(model.architecture.decl.name), 'architecture');
    return map;
}
