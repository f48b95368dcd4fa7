import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archwright, ROOT } from './run-cli.js';

describe('archwright --help and --version', () => {
    it('prints the version of package.json', () => {
        const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
        const run = archwright(['--version']);
        expect(run.stdout).toBe(`${version}\n`);
        expect(run.status).toBe(0);
    });

    it('lists every command and the exit codes', () => {
        const help = archwright(['--help']).stdout;
        for (const command of ['check', 'export', 'docs', 'format', 'lsp']) expect(help).toContain(`  archwright ${command} `);
        expect(help).toMatch(/Exit codes: 0 fine, 1 findings .*, 2 bad usage or\nunreadable input/);
    });

    it.each(['check', 'export', 'docs', 'format', 'lsp'])('archwright %s --help shows its usage, options and exit codes', command => {
        const run = archwright([command, '--help']);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(new RegExp(`^Usage: archwright ${command} `));
        expect(run.stdout).toMatch(/-h, --help/);
        expect(run.stdout).toMatch(/Exit codes: 0 /);
    });
});
