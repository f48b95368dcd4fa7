import { describe, expect, it } from 'vitest';
import { generateDocs, type DocPage } from '../../server/src/docs/index.js';
import { text } from '../../server/src/docs/markdown.js';
import { modelOf } from '../views/views-fixture.js';
import { DOCS_MODEL } from './docs-model.js';
import { mermaidParse } from '../views/mermaid-parse.js';

async function docs(source = DOCS_MODEL): Promise<Map<string, string>> {
    const { model, index } = await modelOf(source);
    return new Map(generateDocs(model, index).map((p: DocPage) => [p.path, p.content]));
}

/** The anchor GitHub and GitLab give a heading: lower case, punctuation but `-` and `_` dropped, spaces to `-`. */
function headingAnchors(page: string): Set<string> {
    return new Set([...page.matchAll(/^#+ (.*)$/gm)].map(m => m[1].replace(/\\(.)/g, '$1').toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-')));
}

function rowsOf(page: string, header: string): string[][] {
    const lines = page.split('\n');
    const start = lines.findIndex(l => l.startsWith(`| ${header} |`));
    const rows: string[][] = [];
    for (let i = start + 2; start >= 0 && lines[i]?.startsWith('|'); i++) rows.push(lines[i].slice(2, -2).split(/(?<!\\) \| /));
    return rows;
}

describe('archwright docs: the generator', () => {
    it('writes an overview, a page per system (nested ones too), and the topic pages', async () => {
        expect([...(await docs()).keys()]).toEqual(['README.md', 'systems/shop.md', 'systems/billing.md', 'deployments.md', 'requirements.md', 'decisions.md', 'data.md', 'readiness.md', 'views.md']);
    });

    it('links pages with relative paths whose files and anchors exist', async () => {
        const pages = await docs();
        let checked = 0;
        for (const [path, content] of pages) {
            for (const [, target] of content.matchAll(/\]\(([^)]+)\)/g)) {
                if (target.startsWith('https://')) continue;
                const [file, fragment] = target.split('#');
                const resolved = new URL(file, `file:///docs/${path}`).pathname.slice('/docs/'.length);
                expect(pages.has(resolved), `${path} links to ${target}`).toBe(true);
                if (fragment) expect(headingAnchors(pages.get(resolved)!), `${path} links to ${target}`).toContain(fragment);
                checked++;
            }
        }
        expect(checked).toBeGreaterThan(40);
    });

    it('draws diagrams as mermaid blocks that Mermaid parses', async () => {
        const blocks = [...(await docs()).values()].flatMap(page => [...page.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(m => m[1]));
        expect(blocks.length).toBe(5);
        for (const block of blocks) await expect(mermaidParse(block)).resolves.toBeTruthy();
    });

    it('traces each requirement to what satisfies it and the open gaps on it', async () => {
        const rows = rowsOf((await docs()).get('requirements.md')!, 'requirement');
        expect(rows).toEqual([
            ['[`up`](requirements.md#up) Stays up', 'availability', '99.95%', '[`api`](systems/shop.md#api)', expect.stringContaining('`single-point-of-failure` on api')],
            ['[`idle`](requirements.md#idle) Nobody does this', 'functional', '—', '**nothing**', '`unsatisfied-requirement`']
        ]);
    });

    it('keeps a decision log with status, date and affected elements', async () => {
        const rows = rowsOf((await docs()).get('decisions.md')!, 'decision');
        expect(rows).toEqual([
            ['[`adr-1`](decisions.md#adr-1) Use PostgreSQL', 'superseded by [`adr-2`](decisions.md#adr-2)', '—', '[`db`](systems/shop.md#db)'],
            ['[`adr-2`](decisions.md#adr-2) Use PostgreSQL 16', 'accepted', '2026-01-02', '[`db`](systems/shop.md#db), [`api`](systems/shop.md#api)']
        ]);
        expect((await docs()).get('decisions.md')).toContain('Rationale:\n\n> Newer.');
    });

    it('lists where each data asset is held and carried, encrypted or not', async () => {
        const page = (await docs()).get('data.md')!;
        expect(rowsOf(page, 'data')).toEqual([['[`profile`](data.md#profile) Profile', 'pii', 'yes', '1', '2 flows', '**2**']]);
        expect(rowsOf(page, 'store')).toEqual([['[`db`](systems/shop.md#db)', 'database', '**no**']]);
        expect(rowsOf(page, 'from').map(r => [r[0], r[1], r[5]])).toEqual([
            ['[`user`](README.md#user)', '[`api`](systems/shop.md#api)', 'yes'],
            ['[`api`](systems/shop.md#api)', '[`db`](systems/shop.md#db)', '**no**']
        ]);
    });

    it('lists the readiness gaps by stage, whatever stage the model declares', async () => {
        const page = (await docs()).get('readiness.md')!;
        const design = page.slice(page.indexOf('## Design'), page.indexOf('## Production'));
        const production = page.slice(page.indexOf('## Production'));
        expect(design).toContain('`unsatisfied-requirement`');
        expect(design).not.toContain('missing-backup');
        expect(production).toContain('[`missing-backup`](https://github.com/archwright/archwright/blob/main/docs/rules/missing-backup.md) | warning | db |');
        expect(production).toContain('`unencrypted-sensitive-store`');
    });

    it('shows deployments as a diagram and a table of what runs where', async () => {
        const page = (await docs()).get('deployments.md')!;
        expect(rowsOf(page, 'node')).toEqual([
            ['`a` › `vm` (Linux)', '`a`', '[`api`](systems/shop.md#api)', '1'],
            ['`a` › `vm` (Linux)', '`a`', '[`db`](systems/shop.md#db)', '1']
        ]);
    });

    it('gives a system page its parts, nested systems, flows and decisions', async () => {
        const pages = await docs();
        const shop = pages.get('systems/shop.md')!;
        expect(shop).toContain('## Systems inside\n\n- [`billing`](billing.md) Billing');
        expect(shop).toContain('### `api`\n\n**API** (service)\n\n- technology: Go\n- replicas: 1\n- satisfies: [`up`](../requirements.md#up)\n- decisions: [`adr-2`](../decisions.md#adr-2)');
        expect(rowsOf(shop, 'from')).toHaveLength(3);
        expect(pages.get('systems/billing.md')).toContain('System `billing`, part of [`shop`](shop.md)');
        expect(pages.get('README.md')).toContain('The first paragraph.\n\nThe second one.');
    });
});

describe('archwright docs: model text stays text', () => {
    it('escapes Markdown and HTML, folds newlines, and keeps table cells apart', async () => {
        expect(text('a | b\nc <script>alert(1)</script> *x* [l](u) `c` $m$ #1')).toBe('a \\| b c \\<script\\>alert(1)\\</script\\> \\*x\\* \\[l\\](u) \\`c\\` \\$m\\$ \\#1');
        expect(text('# not a heading')).toBe('\\# not a heading');
        expect(text('- not a list')).toBe('\\- not a list');
        expect(text('1. not a list')).toBe('1\\. not a list');
    });

    it('never lets a hostile title or description break a page', async () => {
        const hostile = 'data x "a | b <img src=x onerror=alert(1)> [l](javascript:alert(1))" { class pii }\n'
            + 'requirement r """\n  # Heading\n  | cell |\n""" { kind functional }\n'
            + 'service s "S" { satisfies r  stores x }\n';
        const pages = await docs(hostile);
        for (const content of pages.values()) {
            const outsideDiagrams = content.replace(/```mermaid\n[\s\S]*?```/g, '');
            expect(outsideDiagrams).not.toMatch(/(?<!\\)<(?!https:)/);
            expect(outsideDiagrams).not.toMatch(/^# Heading/m);
        }
        expect(rowsOf(pages.get('data.md')!, 'data')[0]).toHaveLength(6);
        expect(rowsOf(pages.get('requirements.md')!, 'requirement')[0]).toHaveLength(5);
    });
});
