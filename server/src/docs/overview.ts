// The overview page (README.md, so that a docs folder on GitHub or GitLab opens on it): what the
// architecture is, its stage, the landscape, its systems and what lies outside them.
import type { View } from '../model/arch-model.js';
import { drawView } from '../views/index.js';
import { pushAll } from '../util/arrays.js';
import { PAGES, type DocsContext } from './context.js';
import { elementSection } from './element-section.js';
import { code, link, mermaid, paragraphs, table, text } from './markdown.js';

const LANDSCAPE: View = { id: 'landscape', title: 'Landscape', form: 'landscape', include: '*', exclude: [], steps: [], allows: [], automatic: true };

/** The overview page. */
export function overviewPage(ctx: DocsContext): string {
    const { model } = ctx;
    const from = PAGES.overview;
    const arch = model.architecture;
    const lines = [`# ${arch?.title ? text(arch.title) : 'Architecture'}`, '', ...ctx.navigation(from)];
    lines.push(`Stage: **${model.stage}**${arch?.owner ? ` · owner: ${text(arch.owner)}` : ''}`, '');
    pushAll(lines, paragraphs(arch?.description).flatMap(p => [p, '']));
    pushAll(lines, counts(ctx), ['## Landscape', ''], mermaid(drawView(model, ctx.index, LANDSCAPE).mermaid));
    const systems = model.elements.filter(e => e.kind === 'system');
    if (systems.length) {
        pushAll(lines, ['## Systems', ''], table(['system', 'title', 'part of', 'parts'], systems.map(s => [
            link(code(s.id), ctx.systemPage(s.id)), text(s.title), s.parent ? link(code(s.parent), ctx.systemPage(s.parent)) : '', String(s.children.length)
        ])));
    }
    const outside = model.elements.filter(e => e.kind !== 'system' && ctx.systemOf(e) === undefined);
    if (outside.length) pushAll(lines, ['## Outside the systems', ''], outside.flatMap(e => elementSection(ctx, e, from)));
    return lines.join('\n');
}

function counts(ctx: DocsContext): string[] {
    const { model } = ctx;
    const gaps = ctx.gaps.filter(g => g.diagnostic.code !== 'unknown-rule').length;
    return [
        `- ${count(model.elements.length, 'element')} and ${count(model.flows.length, 'flow')} in ${count(model.uris.length, 'file')}`,
        `- ${link(count(model.requirements.length, 'requirement'), PAGES.requirements)}, ${link(count(model.decisions.length, 'decision'), PAGES.decisions)}, ${link(count(model.data.length, 'data asset'), PAGES.data)}, ${link(count(model.deployments.length, 'deployment'), PAGES.deployments)}`,
        `- ${link(count(gaps, 'readiness gap'), PAGES.readiness)} up to production`,
        ''
    ];
}

function count(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
