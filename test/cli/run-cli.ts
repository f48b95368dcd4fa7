import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliRun { status: number | null; stdout: string; stderr: string }

/** Runs the built `archwright` command (bin/archwright.js) with the test's own Node (22 or newer). */
export function archwright(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; unprivileged?: boolean } = {}): CliRun {
    const command = [process.execPath, join(ROOT, 'bin', 'archwright.js'), ...args];
    // As root, file permissions stop nobody: run as the user nobody so that an unreadable file is one.
    if (options.unprivileged && process.getuid?.() === 0) {
        if (options.cwd) chmodSync(options.cwd, 0o755);
        command.unshift('setpriv', '--reuid=65534', '--regid=65534', '--clear-groups');
    }
    const run = spawnSync(command[0], command.slice(1), {
        cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', ...options.env }
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Whether tests can make a file unreadable to the command: not root, or root with setpriv to drop to nobody. */
export const CAN_DENY_READ = process.getuid?.() !== 0 || existsSync('/usr/bin/setpriv');

/** A fresh temporary folder holding the files given (names may contain folders). */
export function folder(files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(join(tmpdir(), 'archwright-cli-'));
    for (const [name, content] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), content);
    }
    return dir;
}
