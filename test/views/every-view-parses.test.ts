import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listViews, renderView, type PreviewTheme } from '../../server/src/views/index.js';
import { mermaidParse } from './mermaid-parse.js';
import { modelOf } from './views-fixture.js';

/** The shared conformance cases beside the repository (as `npm run conformance` finds them). */
const CASES = fileURLToPath(new URL('../../../shared/conformance/cases', import.meta.url));

/** Each fixture as its files by name: the example, the hostile model, and every conformance case. */
function fixtures(): [string, Record<string, string>][] {
    const read = (url: URL) => readFileSync(url, 'utf8');
    const list: [string, Record<string, string>][] = [
        ['example', { 'shop.arch': read(new URL('../fixtures/example.arch', import.meta.url)) }],
        ['hostile', { 'hostile.arch': read(new URL('./fixtures/hostile.arch', import.meta.url)) }]
    ];
    if (!existsSync(CASES)) return list;
    for (const name of readdirSync(CASES).sort()) {
        const folder = join(CASES, name);
        const files = readdirSync(folder).filter(f => f.endsWith('.arch')).sort();
        list.push([`conformance/${name}`, Object.fromEntries(files.map(f => [f, readFileSync(join(folder, f), 'utf8')]))]);
    }
    return list;
}

const THEMES: PreviewTheme[] = ['light', 'high-contrast'];

describe('every view of every fixture parses with Mermaid', () => {
    it.each(fixtures())('%s', async (_name, files) => {
        const { model, index } = await modelOf(files);
        const views = listViews(model);
        expect(views.length).toBeGreaterThan(0);
        const flagged = model.elements.slice(0, 3).map(e => e.id);
        for (const { id } of views) {
            for (const theme of THEMES) {
                const text = renderView(model, index, id, { theme, flagged })!.mermaid;
                await expect(mermaidParse(text), `${id} (${theme})`).resolves.toBeTruthy();
            }
        }
    });
});
