import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archwright, folder } from './run-cli.js';

const EXAMPLE = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');
const GOLDEN = new URL('../views/golden/', import.meta.url);

describe('archwright export', () => {
    it('writes one view as ID.mmd in the current folder, the same text as the preview draws, and prints its path', () => {
        const dir = folder({ 'shop.arch': EXAMPLE });
        const run = archwright(['export', '.', '--view', 'overview'], { cwd: dir });
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe('overview.mmd\n');
        expect(run.status).toBe(0);
        expect(readFileSync(join(dir, 'overview.mmd'), 'utf8')).toBe(readFileSync(new URL('example-overview.mmd', GOLDEN), 'utf8'));
    });

    it('writes every view with --all into --out, creating the folder', () => {
        const dir = folder({ 'model/shop.arch': EXAMPLE });
        const run = archwright(['export', 'model', '--all', '--out', 'docs/views'], { cwd: dir });
        expect(run.status).toBe(0);
        const names = ['overview', 'inside-shop', 'production-view', 'checkout-flow', 'traceability', 'card-journey'];
        expect(run.stdout).toBe(names.map(n => join('docs', 'views', `${n}.mmd`) + '\n').join(''));
        expect(readdirSync(join(dir, 'docs', 'views')).sort()).toEqual(names.map(n => `${n}.mmd`).sort());
        for (const n of names) expect(readFileSync(join(dir, 'docs', 'views', `${n}.mmd`), 'utf8')).toBe(readFileSync(new URL(`example-${n}.mmd`, GOLDEN), 'utf8'));
    });

    it('writes Markdown: the title as a heading and the diagram in a mermaid block', () => {
        const dir = folder({ 'shop.arch': EXAMPLE });
        const run = archwright(['export', '--view', 'checkout-flow', '--format', 'markdown'], { cwd: dir });
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('checkout-flow.md\n');
        const text = readFileSync(join(dir, 'checkout-flow.md'), 'utf8');
        expect(text).toBe(`# Checkout\n\n\`\`\`mermaid\n${readFileSync(new URL('example-checkout-flow.mmd', GOLDEN), 'utf8')}\`\`\`\n`);
    });

    it('escapes Markdown and HTML in the heading', () => {
        const dir = folder({ 'm.arch': 'service a "A"\nview v "<b>bold</b> # [x](y) *z*" { include * }\n' });
        archwright(['export', '--view', 'v', '--format', 'markdown'], { cwd: dir });
        expect(readFileSync(join(dir, 'v.md'), 'utf8').split('\n')[0]).toBe('# \\<b\\>bold\\</b\\> \\# \\[x\\]\\(y\\) \\*z\\*');
    });

    it('exports the automatic views of a model that declares none', () => {
        const dir = folder({ 'm.arch': 'system s "S" { service a "A" }\nrequirement r "R" { kind functional }\n' });
        const run = archwright(['export', '--all'], { cwd: dir });
        expect(run.stdout).toBe('landscape.mmd\nof-s.mmd\nrequirements.mmd\n');
        expect(readFileSync(join(dir, 'of-s.mmd'), 'utf8')).toContain('subgraph el_s["S"]');
    });

    it('uses the theme asked for', () => {
        const dir = folder({ 'shop.arch': EXAMPLE });
        archwright(['export', '--view', 'overview', '--theme', 'dark'], { cwd: dir });
        expect(readFileSync(join(dir, 'overview.mmd'), 'utf8')).toContain('\n  theme: dark\n');
    });

    it('names the available views when asked for one the model lacks, exit 2, writes nothing', () => {
        const dir = folder({ 'shop.arch': EXAMPLE });
        const run = archwright(['export', '--view', 'nope'], { cwd: dir });
        expect(run.status).toBe(2);
        expect(run.stderr).toBe("archwright: no view 'nope' in the model; its views are: overview, inside-shop, production-view, checkout-flow, traceability, card-journey\n");
        expect(existsSync(join(dir, 'nope.mmd'))).toBe(false);
    });

    it.each([
        [['--view', 'overview', '--all'], 'archwright: give --view ID or --all, not both\n'],
        [[], 'archwright: say which views to export: --view ID or --all\n'],
        [['--all', '--format', 'html'], 'archwright: --format must be mermaid, markdown, svg or png, not html\n'],
        [['--all', '--theme', 'pink'], 'archwright: --theme must be light, dark, high-contrast, high-contrast-light, not pink\n'],
        [['--all', '--bogus'], /archwright: Unknown option '--bogus'/]
    ])('refuses %j with one line and exit 2', (args, message) => {
        const dir = folder({ 'shop.arch': EXAMPLE });
        const run = archwright(['export', ...args], { cwd: dir });
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stdout).toBe('');
    });

    const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].some(p => existsSync(p));

    it.skipIf(!chromium)('draws SVG in the preview itself: a standalone picture of every view, its labels as text', () => {
        const dir = folder({ 'shop.arch': EXAMPLE });
        const run = archwright(['export', '--all', '--format', 'svg', '--out', 'img'], { cwd: dir });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(6);
        const svg = readFileSync(join(dir, 'img', 'overview.svg'), 'utf8');
        // The preview's renderer (mermaid-render.ts) names its diagrams aw-diagram-N; its export strips the node tags.
        expect(svg).toMatch(/^<svg id="aw-diagram-\d+"[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        expect(svg).not.toContain('data-aw-node');
        for (const label of ['Order service', 'Orders', 'Stripe']) expect(svg).toContain(label);
        expect(readFileSync(join(dir, 'img', 'checkout-flow.svg'), 'utf8')).toContain('places the order');
    });

    it.skipIf(!chromium)('draws PNG at twice the size of the picture', () => {
        const dir = folder({ 'shop.arch': EXAMPLE });
        const run = archwright(['export', '--view', 'checkout-flow', '--format', 'png', '--theme', 'dark'], { cwd: dir });
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('checkout-flow.png\n');
        const png = readFileSync(join(dir, 'checkout-flow.png'));
        expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        expect(png.readUInt32BE(16)).toBeGreaterThan(1000);
    });

    it('says which Chromium is missing, exit 2, writes nothing', () => {
        const dir = folder({ 'shop.arch': EXAMPLE });
        const run = archwright(['export', '--all', '--format', 'svg'], { cwd: dir, env: { CHROME_PATH: '/nowhere/chrome' } });
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('archwright: CHROME_PATH names /nowhere/chrome, which does not exist\n');
        expect(readdirSync(dir)).toEqual(['shop.arch']);
    });

    it('exports a model with errors, warning on stderr', () => {
        const dir = folder({ 'm.arch': 'service a "A"\na -> nowhere\n' });
        const run = archwright(['export', '--view', 'landscape'], { cwd: dir });
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('archwright: warning: the model has 1 error; the views show what could be read (run archwright check)\n');
        expect(run.stdout).toBe('landscape.mmd\n');
    });

    it('shows its help, and the main help lists it', () => {
        const help = archwright(['export', '--help']);
        expect(help.status).toBe(0);
        expect(help.stdout).toMatch(/^Usage: archwright export \[PATH\.\.\.\] \(--view ID \| --all\) \[--format mermaid\|markdown\|svg\|png\]/);
        expect(archwright(['--help']).stdout).toContain('archwright export [PATH...] (--view ID | --all)');
    });

    it('fails with exit 2 on a path that does not exist', () => {
        const run = archwright(['export', 'missing', '--all'], { cwd: folder({}) });
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('archwright: missing: no such file or folder\n');
    });
});
