// What bin/archwright.js runs first: starts a command from the command line's startup snapshot
// when there is one, and otherwise lets the bundle run in this process and, once it is done, has
// the snapshot built in the background for the next time.
//
// A snapshot (see snapshot.ts) belongs to one bundle and one Node: it is kept in a per-user cache
// folder under a name made of both (and of the Node options it was built with); any change makes
// a new one. Bundled on its own (out/cli/launcher.js), with Node's modules only, so that it loads
// in a moment.
//
// ARCHWRIGHT_SNAPSHOT=0 turns it off; ARCHWRIGHT_CACHE_DIR names the cache folder.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { STARTED_FD_VARIABLE } from './snapshot.js';

/** The commands that load a model: they gain from a prepared parser. `lsp` starts once and stays. */
const SNAPSHOT_COMMANDS = new Set(['check', 'export', 'docs', 'format']);

/** How long a build may hold its lock before another process may start one again. */
const LOCK_STALE_MS = 5 * 60_000;

/** Snapshots of other bundles or Nodes that are this old are removed when a new one is kept. */
const UNUSED_MS = 14 * 24 * 60 * 60_000;

/**
 * Runs ARGV from BUNDLE's snapshot when there is one (and sets this process's exit code from it):
 * true. Otherwise false, and the caller runs the bundle itself; when it could have used a snapshot,
 * one is built in the background once this process exits.
 */
export function startFromSnapshot(bundle: string, argv: string[]): boolean {
    if (!SNAPSHOT_COMMANDS.has(argv[0] ?? '') || process.env.ARCHWRIGHT_SNAPSHOT === '0') return false;
    const blob = snapshotFile(bundle);
    if (!blob) return false;
    if (existsSync(blob)) {
        // Node crashes on a damaged snapshot: never start from one that is not as it was built.
        const run = intact(blob) ? runSnapshot(blob, argv, 'inherit') : { started: false, status: null, signal: null };
        if (run.started) {
            if (run.signal) process.kill(process.pid, run.signal);
            process.exitCode = run.status ?? 2;
            return true;
        }
        // Damaged, or Node could not start from it: run in process, and build it again.
        rmSync(blob, { force: true });
    }
    process.once('exit', () => buildInBackground(bundle, blob));
    return false;
}

/** Where BUNDLE's snapshot for this Node is kept; undefined when there is no safe place for it. */
export function snapshotFile(bundle: string): string | undefined {
    const folder = cacheFolder(process.env);
    if (!folder) return undefined;
    let stat;
    try {
        stat = statSync(bundle);
    } catch {
        return undefined;
    }
    const key = createHash('sha256').update(JSON.stringify([
        bundle, stat.size, stat.mtimeMs, process.version, process.arch, process.platform, process.execPath, process.execArgv, process.env.NODE_OPTIONS ?? ''
    ])).digest('hex').slice(0, 24);
    return join(folder, `cli-${key}.blob`);
}

/** The per-user cache folder, made if need be; undefined unless only this user can write to it. */
function cacheFolder(env: NodeJS.ProcessEnv): string | undefined {
    let folder = env.ARCHWRIGHT_CACHE_DIR;
    try {
        if (!folder) {
            const home = homedir();
            folder = process.platform === 'win32' ? join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'archwright', 'cache')
                : process.platform === 'darwin' ? join(home, 'Library', 'Caches', 'archwright')
                : join(env.XDG_CACHE_HOME || join(home, '.cache'), 'archwright');
        }
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        // A snapshot is code that this process will run: never take one from a folder that others can write to.
        const stat = lstatSync(folder);
        if (!stat.isDirectory()) return undefined;
        if (process.platform !== 'win32' && (stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0)) return undefined;
        return folder;
    } catch {
        return undefined;
    }
}

/** Whether BLOB has the size it was built with (BLOB.size, written before BLOB was put in place). */
function intact(blob: string): boolean {
    try {
        return statSync(blob).size === Number(readFileSync(`${blob}.size`, 'utf8'));
    } catch {
        return false;
    }
}

/** Runs ARGV from the snapshot BLOB; `started` says whether the command itself began. */
function runSnapshot(blob: string, argv: string[], output: 'inherit' | 'ignore'): { started: boolean; status: number | null; signal: NodeJS.Signals | null } {
    const run = spawnSync(process.execPath, [...process.execArgv, '--snapshot-blob', blob, ...argv], {
        stdio: ['inherit', output, output, 'pipe'], env: { ...process.env, [STARTED_FD_VARIABLE]: '3' }
    });
    const started = !run.error && (run.output?.[3]?.length ?? 0) > 0;
    return { started, status: run.status, signal: run.signal };
}

/** Starts a detached process that builds the snapshot BLOB of BUNDLE, unless one is already at it. */
function buildInBackground(bundle: string, blob: string): void {
    try {
        if (existsSync(blob) || existsSync(`${blob}.failed`) || !takeLock(`${blob}.lock`)) return;
        spawn(process.execPath, [...process.execArgv, __filename, '--build-snapshot', bundle, blob], { detached: true, stdio: 'ignore' }).unref();
    } catch {
        // No snapshot this time: the command ran all the same.
    }
}

function takeLock(lock: string): boolean {
    try {
        closeSync(openSync(lock, 'wx'));
        return true;
    } catch {
        try {
            if (Date.now() - statSync(lock).mtimeMs < LOCK_STALE_MS) return false;
            writeFileSync(lock, '');
            return true;
        } catch {
            return false;
        }
    }
}

/**
 * Builds BLOB from BUNDLE and keeps it once a command started from it has run: written beside it
 * and renamed into place, so that nobody starts from half a file. A build that fails is marked
 * (BLOB.failed) and not tried again for this bundle and Node. True when BLOB is ready.
 */
export function buildSnapshot(bundle: string, blob: string): boolean {
    const temporary = `${blob}.${process.pid}.tmp`;
    try {
        const entry = join(bundle, '..', 'snapshot-entry.js');
        const built = spawnSync(process.execPath, [...process.execArgv, '--snapshot-blob', temporary, '--build-snapshot', entry], { stdio: 'ignore', timeout: 120_000 });
        const probe = built.status === 0 ? runSnapshot(temporary, ['check', '--help'], 'ignore') : undefined;
        if (!probe?.started || probe.status !== 0) {
            writeFileSync(`${blob}.failed`, `exit ${built.status ?? built.signal}, ${probe ? `probe exit ${probe.status ?? probe.signal}` : 'no probe'}\n`);
            return false;
        }
        writeFileSync(`${blob}.size`, String(statSync(temporary).size));
        renameSync(temporary, blob);
        removeUnused(blob);
        return true;
    } catch {
        return false;
    } finally {
        rmSync(temporary, { force: true });
        rmSync(`${blob}.lock`, { force: true });
    }
}

/** Removes the files of snapshots beside BLOB that nothing has started from for a while (older bundles and Nodes). */
function removeUnused(blob: string): void {
    const folder = join(blob, '..');
    for (const name of readdirSync(folder)) {
        const file = join(folder, name);
        if (!name.startsWith('cli-') || file.startsWith(blob)) continue;
        try {
            if (Date.now() - statSync(file).atimeMs > UNUSED_MS && Date.now() - statSync(file).mtimeMs > UNUSED_MS) rmSync(file, { force: true });
        } catch {
            // Removed by another process.
        }
    }
}

// `node launcher.js --build-snapshot BUNDLE [BLOB]`: the background build, or (without BLOB) a
// build now of the snapshot that `node bin/archwright.js` would start from; prints where it is.
if (typeof require !== 'undefined' && require.main === module && process.argv[2] === '--build-snapshot') {
    const [bundle, blob = snapshotFile(bundle)] = process.argv.slice(3);
    const built = blob !== undefined && buildSnapshot(bundle, blob);
    if (built && process.argv.length === 4) process.stdout.write(`${blob}\n`);
    process.exitCode = built ? 0 : 1;
}
