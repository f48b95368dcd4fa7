import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archwright, CAN_DENY_READ, folder, ROOT } from './run-cli.js';

/** Each command with the options it needs to write something, so that "nothing written" means something. */
const COMMANDS: Record<string, string[]> = {
    check: ['check'],
    export: ['export', '--all', '--out', 'out'],
    docs: ['docs', '--out', 'out'],
    format: ['format']
};

const MESSY = 'service   a "A"\n';

interface Case { files: Record<string, string | Buffer>; paths: string[]; message: RegExp; unreadable?: string; brokenLink?: string }

const CASES: Record<string, Case> = {
    'a missing path': { files: { 'a.arch': MESSY }, paths: ['a.arch', 'nope'], message: /^archwright: nope: no such file or folder\n$/ },
    'a folder without .arch files': { files: { 'a.arch': MESSY, 'empty/x.txt': 'hi' }, paths: ['a.arch', 'empty'], message: /^archwright: empty: no \.arch files in this folder\n$/ },
    'a binary file': { files: { 'a.arch': MESSY, 'b.arch': Buffer.from([0x73, 0x00, 0xff, 0x01]) }, paths: ['.'], message: /^archwright: b\.arch: a binary file, not an Archwright model\n$/ },
    'a file that is not UTF-8': { files: { 'a.arch': MESSY, 'l.arch': Buffer.from('service caf\xe9 "x"\n', 'latin1') }, paths: ['.'], message: /^archwright: l\.arch: not UTF-8 text; save it as UTF-8\n$/ },
    'an unknown option': { files: { 'a.arch': MESSY }, paths: ['--frobnicate', '.'], message: /^archwright: Unknown option '--frobnicate'.*\n$/ },
    'a broken symbolic link': { files: { 'a.arch': MESSY }, paths: ['.'], message: /^archwright: gone\.arch: cannot read the file \(no such file; a broken link\?\)\n$/, brokenLink: 'gone.arch' },
    'an unreadable file': { files: { 'a.arch': MESSY, 'u.arch': 'person p "P"\n' }, paths: ['.'], message: /^archwright: u\.arch: cannot read the file \(permission denied\)\n$/, unreadable: 'u.arch' }
};

function snapshot(dir: string): string[] {
    return readdirSync(dir, { recursive: true }).map(String).sort().map(name => {
        const path = join(dir, name);
        const stat = lstatSync(path);
        if (stat.isDirectory() || stat.isSymbolicLink()) return `${name}${stat.isDirectory() ? '/' : ' (link)'}`;
        return `${name}: ${readFileSync(path, 'latin1').length}:${stat.mtimeMs}`;
    });
}

describe('every command refuses bad input with one line naming the file and the problem, exit 2, nothing written', () => {
    for (const [command, args] of Object.entries(COMMANDS)) {
        for (const [name, c] of Object.entries(CASES)) {
            it.skipIf(c.unreadable !== undefined && !CAN_DENY_READ)(`${command}: ${name}`, () => {
                const dir = folder(c.files);
                if (c.unreadable) chmodSync(join(dir, c.unreadable), 0o000);
                if (c.brokenLink) symlinkSync(join(dir, 'nowhere.arch'), join(dir, c.brokenLink));
                const before = c.unreadable ? [] : snapshot(dir);
                const run = archwright([...args, ...c.paths], { cwd: dir, unprivileged: c.unreadable !== undefined });
                expect(run.stderr).toMatch(c.message);
                expect(run.stdout).toBe('');
                expect(run.status).toBe(2);
                if (!c.unreadable) expect(snapshot(dir)).toEqual(before);
                else expect(readdirSync(dir).sort()).toEqual(['a.arch', 'u.arch']);
                expect(readFileSync(join(dir, 'a.arch'), 'utf8')).toBe(MESSY);
            });
        }
    }

    it.each([
        [['check', '--format', 'xml'], /^archwright: --format must be text, json or sarif, not xml\n$/],
        [['chekc'], /^archwright: unknown command 'chekc'; run archwright --help\n$/],
        [['format', '--check=yes'], /^archwright: Option '--check' does not take an argument\n$/]
    ])('%j is a usage error, exit 2', (args, message) => {
        const run = archwright(args, { cwd: folder({ 'a.arch': MESSY }) });
        expect(run.stderr).toMatch(message);
        expect(run.status).toBe(2);
    });
});

// Lists as long as these once went into calls as spread arguments (`Math.min(...indents)`,
// `lines.push(...paragraphs)`), which throw RangeError past about 120,000 of them: an internal error
// instead of an answer.
describe('very long lists in one file are answered, not an internal error', () => {
    const PARAGRAPHS = 150_000;
    const HUGE_TEXT = `architecture "Big" { stage whiteboard }\nservice a "A" {\n  description """\n${Array.from({ length: PARAGRAPHS }, (_, i) => `    paragraph ${i}\n`).join('\n')}  """\n}\n`;
    const ERRORS = 150_000;
    const GARBAGE = '§\n'.repeat(ERRORS);

    it('check: a text block of 300,000 lines', () => {
        const run = archwright(['check', 'a.arch'], { cwd: folder({ 'a.arch': HUGE_TEXT }) });
        expect(run.stderr).toBe('');
        expect(run.stdout).toMatch(/0 errors, 0 warnings, 0 notes in 1 file/);
        expect(run.status).toBe(0);
    });

    it('docs: an element description of 150,000 paragraphs', () => {
        const dir = folder({ 'a.arch': HUGE_TEXT });
        const run = archwright(['docs', '--out', 'out', 'a.arch'], { cwd: dir });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const overview = readFileSync(join(dir, 'out', 'README.md'), 'utf8');
        expect(overview).toContain(`paragraph ${PARAGRAPHS - 1}`);
    });

    it('format: a file of 150,000 syntax errors is left as it is, with the first one named', () => {
        const dir = folder({ 'g.arch': GARBAGE });
        const run = archwright(['format', 'g.arch'], { cwd: dir });
        expect(run.stderr).toBe('archwright: g.arch: not formatted: syntax error on line 1; run archwright check\n');
        expect(run.stderr).not.toMatch(/internal error/);
        expect(readFileSync(join(dir, 'g.arch'), 'utf8')).toBe(GARBAGE);
    });
});

// `archwright export --all --out docs | head -1`: the reader closes the pipe after one line. Node
// then fails the next write with EPIPE, which used to end the command with an unhandled error and
// leave the export half done.
describe('a reader that closes the pipe early', () => {
    const EXAMPLE = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

    it.each([
        ['export', ['export', '--all', '--format', 'mermaid', '--out', 'out', 'shop.arch']],
        ['docs', ['docs', '--out', 'out', 'shop.arch']]
    ])('%s goes on to write every file, and fails nothing', (_, args) => {
        const whole = folder({ 'shop.arch': EXAMPLE });
        const all = archwright(args, { cwd: whole });
        expect(all.status).toBe(0);
        const dir = folder({ 'shop.arch': EXAMPLE });
        const command = [process.execPath, join(ROOT, 'bin', 'archwright.js'), ...args].map(a => `'${a}'`).join(' ');
        const run = spawnSync('bash', ['-c', `${command} | head -1; exit "\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout.trim().split('\n')).toHaveLength(1);
        expect(readdirSync(join(dir, 'out')).sort()).toEqual(readdirSync(join(whole, 'out')).sort());
    });
});
