import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliRun { status: number | null; stdout: string; stderr: string }

/** Runs the built `archwright` command (bin/archwright.js) with the test's own Node (22 or newer). */
export function archwright(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'archwright.js'), ...args], {
        cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', ...options.env }
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh temporary folder holding the files given (names may contain folders). */
export function folder(files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(join(tmpdir(), 'archwright-cli-'));
    for (const [name, content] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), content);
    }
    return dir;
}
