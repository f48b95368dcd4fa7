import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archwright, folder } from './run-cli.js';

const MESSY = 'service   api "API"{technology "Go"\n\n\n   replicas 2}\napi->db   "reads"\ndatabase db "DB"';
const CANONICAL = 'service api "API" {\n  technology "Go"\n\n  replicas 2\n}\napi -> db "reads"\ndatabase db "DB"\n';
const BROKEN = 'service   x "X" {\n  replicas\n}\n';

describe('archwright format', () => {
    it('rewrites each file in the layout of the editor\'s formatter and prints the files it changed', () => {
        const dir = folder({ 'a.arch': MESSY, 'sub/b.arch': CANONICAL });
        const run = archwright(['format'], { cwd: dir });
        expect(run.stdout).toBe('a.arch\n');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(readFileSync(join(dir, 'a.arch'), 'utf8')).toBe(CANONICAL);
        expect(readFileSync(join(dir, 'sub/b.arch'), 'utf8')).toBe(CANONICAL);
        expect(archwright(['format'], { cwd: dir }).stdout).toBe('');
    });

    it('--check lists the files that would change, changes nothing, exit 1; exit 0 once formatted', () => {
        const dir = folder({ 'a.arch': MESSY, 'b.arch': CANONICAL, 'c.arch': MESSY });
        const run = archwright(['format', '--check', '.'], { cwd: dir });
        expect(run.stdout).toBe('a.arch\nc.arch\n');
        expect(run.status).toBe(1);
        expect(readFileSync(join(dir, 'a.arch'), 'utf8')).toBe(MESSY);
        archwright(['format', 'a.arch', 'c.arch'], { cwd: dir });
        expect(archwright(['format', '--check'], { cwd: dir }).status).toBe(0);
    });

    it('never touches a file with syntax errors: names it on stderr, formats the others, exit 1', () => {
        const dir = folder({ 'a.arch': MESSY, 'bad.arch': BROKEN });
        const run = archwright(['format'], { cwd: dir });
        expect(run.stderr).toBe('archwright: bad.arch: not formatted: syntax error on line 3; run archwright check\n');
        expect(run.stdout).toBe('a.arch\n');
        expect(run.status).toBe(1);
        expect(readFileSync(join(dir, 'bad.arch'), 'utf8')).toBe(BROKEN);
        expect(readFileSync(join(dir, 'a.arch'), 'utf8')).toBe(CANONICAL);
    });

    it('formats a file with other errors (an unresolved reference is not a syntax error)', () => {
        const dir = folder({ 'a.arch': 'service a "A"\na   ->   nowhere\n' });
        expect(archwright(['format'], { cwd: dir }).status).toBe(0);
        expect(readFileSync(join(dir, 'a.arch'), 'utf8')).toBe('service a "A"\na -> nowhere\n');
    });

    it('writes through a temporary file and a rename: no file left behind, mode kept, a symlink stays a link', () => {
        const dir = folder({ 'real/a.arch': MESSY });
        chmodSync(join(dir, 'real/a.arch'), 0o640);
        symlinkSync(join(dir, 'real/a.arch'), join(dir, 'link.arch'));
        const run = archwright(['format', 'link.arch'], { cwd: dir });
        expect(run.status).toBe(0);
        expect(lstatSync(join(dir, 'link.arch')).isSymbolicLink()).toBe(true);
        expect(readFileSync(join(dir, 'real/a.arch'), 'utf8')).toBe(CANONICAL);
        expect(statSync(join(dir, 'real/a.arch')).mode & 0o777).toBe(0o640);
        expect(readdirSync(join(dir, 'real'))).toEqual(['a.arch']);
    });

    it('keeps comments and """ text as written', () => {
        const text = 'service a "A" {   // the API\n  description """\n    two\n      lines\n  """\n}\n';
        const dir = folder({ 'a.arch': text });
        archwright(['format'], { cwd: dir });
        expect(readFileSync(join(dir, 'a.arch'), 'utf8')).toBe('service a "A" { // the API\n  description """\n    two\n      lines\n  """\n}\n');
    });

    it('shows its help', () => {
        const help = archwright(['format', '--help']);
        expect(help.stdout).toMatch(/^Usage: archwright format \[PATH\.\.\.\] \[--check\]/);
        expect(help.stdout).toMatch(/Exit codes: 0 .*, 1 files left alone because of syntax/);
    });
});
