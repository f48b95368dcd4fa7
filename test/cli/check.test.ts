import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archwright } from './run-cli.js';

function folder(files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(join(tmpdir(), 'archwright-cli-'));
    for (const [name, content] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), content);
    }
    return dir;
}

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

    describe('refuses bad input with one line naming the problem and exit 2', () => {
        const cases: [string, () => { args: string[]; cwd: string }, RegExp][] = [
            ['a missing path', () => ({ args: ['check', 'nope'], cwd: folder({}) }), /^archwright: nope: no such file or folder\n$/],
            ['a folder without .arch files', () => ({ args: ['check', '.'], cwd: folder({ 'x.txt': 'hi' }) }), /^archwright: \.: no \.arch files in this folder\n$/],
            ['a binary file', () => ({ args: ['check', 'b.arch'], cwd: folder({ 'b.arch': Buffer.from([0x73, 0x00, 0xff, 0x01]) }) }), /^archwright: b\.arch: a binary file, not an Archwright model\n$/],
            ['a file that is not UTF-8', () => ({ args: ['check', 'l.arch'], cwd: folder({ 'l.arch': Buffer.from('service caf\xe9 "x"\n', 'latin1') }) }), /^archwright: l\.arch: not UTF-8 text; save it as UTF-8\n$/],
            ['an unknown option', () => ({ args: ['check', '--frobnicate'], cwd: folder({ 'm.arch': '' }) }), /^archwright: .*frobnicate.*\n$/],
            ['an unknown format', () => ({ args: ['check', '--format', 'xml'], cwd: folder({ 'm.arch': '' }) }), /^archwright: --format must be/],
            ['an unknown command', () => ({ args: ['chekc'], cwd: folder({}) }), /^archwright: unknown command 'chekc'/]
        ];
        for (const [name, setup, message] of cases) {
            it(name, () => {
                const { args, cwd } = setup();
                const run = archwright(args, { cwd });
                expect(run.stderr).toMatch(message);
                expect(run.stdout).toBe('');
                expect(run.status).toBe(2);
            });
        }

        it.skipIf(process.getuid?.() === 0)('an unreadable file', () => {
            const cwd = folder({ 'u.arch': 'person p "P"\n' });
            chmodSync(join(cwd, 'u.arch'), 0o000);
            const run = archwright(['check', 'u.arch'], { cwd });
            expect(run.stderr).toBe('archwright: u.arch: cannot read the file (permission denied)\n');
            expect(run.status).toBe(2);
        });
    });

    it('prints help and the version', () => {
        expect(archwright(['--help']).stdout).toMatch(/archwright check/);
        expect(archwright(['check', '--help']).stdout).toMatch(/--format json/);
        expect(archwright(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    });
});
