import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archwright, folder } from './run-cli.js';

const EXAMPLE = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');
const PAGES = ['README.md', 'systems/shop.md', 'deployments.md', 'requirements.md', 'decisions.md', 'data.md', 'readiness.md', 'views.md'];

describe('archwright docs', () => {
    it('writes the pages into --out, creating it, and prints each file written', () => {
        const dir = folder({ 'model/shop.arch': EXAMPLE });
        const run = archwright(['docs', 'model', '--out', 'site/arch'], { cwd: dir });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(PAGES.map(p => join('site', 'arch', p) + '\n').join(''));
        expect(readdirSync(join(dir, 'site/arch')).sort()).toEqual(['README.md', 'data.md', 'decisions.md', 'deployments.md', 'readiness.md', 'requirements.md', 'systems', 'views.md']);
        const overview = readFileSync(join(dir, 'site/arch/README.md'), 'utf8');
        expect(overview).toMatch(/^# Acme Shop\n/);
        expect(overview).toContain('[`shop`](systems/shop.md)');
        expect(readFileSync(join(dir, 'site/arch/readiness.md'), 'utf8')).toContain('The model declares the stage **production**.');
    });

    it('documents a model with errors, warning on stderr', () => {
        const dir = folder({ 'm.arch': 'service a "A"\na -> nowhere\n' });
        const run = archwright(['docs', '--out', 'out'], { cwd: dir });
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('archwright: warning: the model has 1 error; the docs show what could be read (run archwright check)\n');
        expect(existsSync(join(dir, 'out', 'README.md'))).toBe(true);
    });

    it.each([
        [[], 'archwright: say where to write: archwright docs [PATH...] --out DIR\n'],
        [['--out', 'taken.txt'], 'archwright: taken.txt: not a folder\n']
    ])('refuses %j with one line and exit 2, writing nothing', (args, message) => {
        const dir = folder({ 'm.arch': EXAMPLE });
        writeFileSync(join(dir, 'taken.txt'), 'x');
        const run = archwright(['docs', ...args], { cwd: dir });
        expect(run.stderr).toBe(message);
        expect(run.status).toBe(2);
        expect(readdirSync(dir).sort()).toEqual(['m.arch', 'taken.txt']);
    });

    it('shows its help, and the main help lists it', () => {
        expect(archwright(['docs', '--help']).stdout).toMatch(/^Usage: archwright docs \[PATH\.\.\.\] --out DIR\n/);
        expect(archwright(['--help']).stdout).toContain('archwright docs [PATH...] --out DIR');
    });
});
