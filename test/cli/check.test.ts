import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archwright, folder, ROOT } from './run-cli.js';

describe('archwright check', () => {
    it('prints file:line:col severity code message and a summary, exit 1 on errors', () => {
        const dir = folder({ 'a.arch': 'service a "A"\na -> nowhere\n' });
        const run = archwright(['check', dir], { cwd: dir });
        expect(run.stdout).toBe('a.arch:2:6 error unresolved-reference No element named nowhere.\n1 error, 0 warnings, 0 notes in 1 file\n');
        expect(run.status).toBe(1);
    });

    it('exits 0 on a clean model and treats a folder, nested folders included, as one model', () => {
        const dir = folder({ 'a.arch': 'service a "A"\na -> b\n', 'sub/b.arch': 'service b "B"\n', 'node_modules/x.arch': 'broken {' });
        const run = archwright(['check', dir], { cwd: dir });
        expect(run.stdout).toBe('0 errors, 0 warnings, 0 notes in 2 files\n');
        expect(run.status).toBe(0);
    });

    it('accepts files named one by one as one model', () => {
        const dir = folder({ 'a.arch': 'service a "A"\na -> b\n', 'b.arch': 'service b "B"\n', 'c.arch': 'service a "dup"\n' });
        const run = archwright(['check', 'a.arch', 'b.arch'], { cwd: dir });
        expect(run.status).toBe(0);
    });

    it('prints the JSON contract of the conformance tool', () => {
        const dir = folder({ 'm.arch': 'service a "A"\na -> a\n' });
        const run = archwright(['check', '--format', 'json', dir], { cwd: dir });
        const out = JSON.parse(run.stdout);
        expect(out.diagnostics).toEqual([expect.objectContaining({ file: 'm.arch', line: 2, column: 3, severity: 'error', code: 'self-flow' })]);
        expect(out.summary).toMatchObject({ errors: 1, files: 1 });
        expect(run.status).toBe(1);
    });

    it('checks the current folder when no path is given', () => {
        const dir = folder({ 'm.arch': 'person p "P"\n' });
        expect(archwright(['check'], { cwd: dir }).status).toBe(0);
    });

    it('prints help and the version', () => {
        expect(archwright(['--help']).stdout).toMatch(/archwright check/);
        expect(archwright(['check', '--help']).stdout).toMatch(/--format json/);
        expect(archwright(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    });
});

describe('archwright check --max-warnings and colour', () => {
    const warned = 'architecture "T" {\n  stage design\n}\nservice a "A"\nservice b "B"\na -> b\n';

    it('fails when the warnings go over --max-warnings, and says so in the summary', () => {
        const dir = folder({ 'm.arch': warned });
        const over = archwright(['check', '--max-warnings', '2'], { cwd: dir });
        expect(over.stdout.split('\n').at(-2)).toBe('0 errors, 3 warnings, 0 notes in 1 file: more than the 2 warnings --max-warnings allows');
        expect(over.status).toBe(1);
        const at = archwright(['check', '--max-warnings', '3'], { cwd: dir });
        expect(at.stdout.split('\n').at(-2)).toBe('0 errors, 3 warnings, 0 notes in 1 file');
        expect(at.status).toBe(0);
    });

    it('refuses a --max-warnings that is not a whole number', () => {
        const run = archwright(['check', '--max-warnings', 'lots'], { cwd: folder({ 'm.arch': warned }) });
        expect(run.stderr).toBe('archwright: --max-warnings must be a whole number of 0 or more, not lots\n');
        expect(run.status).toBe(2);
    });

    it('prints the summary line on stderr for --format json, keeping stdout pure JSON', () => {
        const run = archwright(['check', '--format', 'json'], { cwd: folder({ 'm.arch': warned }) });
        expect(JSON.parse(run.stdout).summary).toEqual({ errors: 0, warnings: 3, infos: 0, hints: 0, files: 1 });
        expect(run.stderr).toBe('0 errors, 3 warnings, 0 notes in 1 file\n');
    });

    it('colours nothing when the output is not a terminal, and nothing with NO_COLOR even when forced', () => {
        const dir = folder({ 'm.arch': warned });
        expect(archwright(['check'], { cwd: dir, env: { NO_COLOR: '' } }).stdout).not.toContain('\x1b[');
        expect(archwright(['check'], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain('\x1b[');
        expect(archwright(['check'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain('\x1b[33mwarning\x1b[0m');
    });

    // util-linux `script` gives the command a real terminal.
    it.skipIf(!existsSync('/usr/bin/script'))('colours severities on a terminal unless NO_COLOR is set', () => {
        const dir = folder({ 'm.arch': warned });
        const command = `${process.execPath} ${join(ROOT, 'bin', 'archwright.js')} check`;
        const onTty = (noColor: string) => spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: noColor, FORCE_COLOR: '' } }).stdout;
        expect(onTty('')).toContain('\x1b[33mwarning\x1b[0m');
        expect(onTty('1')).not.toContain('\x1b[3');
        expect(onTty('1')).toContain('warning missing-technology');
    });
});
