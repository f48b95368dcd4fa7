// The readiness gaps by stage: what the model still lacks for design and for production, whatever
// stage it declares, so that a reader sees the road ahead and not only today's warnings.
import type { Stage } from '../model/arch-model.js';
import { RULES_BY_ID } from '../rules/registry.js';
import { pushAll } from '../util/arrays.js';
import { PAGES, type DocsContext, type Gap } from './context.js';
import { code, link, table, text } from './markdown.js';

// Readers of the docs are on GitHub or GitLab, not beside the bundle: link the published rule pages.
const RULE_DOCS = 'https://github.com/archwright/archwright/blob/main/docs/rules/';

/** The readiness page. */
export function readinessPage(ctx: DocsContext): string {
    const from = PAGES.readiness;
    const lines = ['# Readiness', '', ...ctx.navigation(from)];
    lines.push(`The model declares the stage **${ctx.model.stage}**. Gaps are listed for each stage from the one that first asks for them; rules the model turns off with \`rule RULE-ID off\` and gaps allowed with \`allow\` are left out.`, '');
    for (const stage of ['design', 'production'] as Stage[]) {
        const gaps = ctx.gaps.filter(g => RULES_BY_ID.get(g.diagnostic.code)?.stage === stage);
        pushAll(lines, [`## ${stage === 'design' ? 'Design' : 'Production'}`, '', gaps.length ? `${gaps.length} gaps.` : 'No gaps.', ''], gapTable(gaps));
    }
    const unknown = ctx.gaps.filter(g => !RULES_BY_ID.has(g.diagnostic.code));
    if (unknown.length) pushAll(lines, ['## Rule settings', ''], gapTable(unknown));
    return lines.join('\n');
}

function gapTable(gaps: readonly Gap[]): string[] {
    return table(['rule', 'severity', 'about', 'where', 'message'], gaps.map(g => [
        RULES_BY_ID.has(g.diagnostic.code) ? link(code(g.diagnostic.code), `${RULE_DOCS}${g.diagnostic.code}.md`) : code(g.diagnostic.code),
        g.diagnostic.severity, text(g.subject), text(g.where), text(g.diagnostic.message)
    ]));
}
