import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archwright, folder, ROOT } from './run-cli.js';

// The command line starts from a snapshot of its bundle once there is one (server/src/cli/launcher.ts).
// The other CLI tests run from the snapshot that test/global-setup.ts builds; these hold the two
// ways equal, and test the snapshot's life: built after a first run, replaced when damaged, never
// taken from a folder that others can write to.

const MODEL = {
    'shop.arch': readFileSync(join(ROOT, 'test/fixtures/example.arch'), 'utf8'),
    'broken.arch': 'service a "A" {\n  owner "x"\n  technology\n}\na -> nowhere\nservice a "again"\n',
    'messy.arch': 'service   b "B"{owner "team"}\n'
};

/** Every file below DIR, with its content. */
function contents(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    }
    return files;
}

/** A copy of the command as installed (bin/ and the three bundles of out/cli/) in a folder of its own. */
function installedCopy(): string {
    const dir = mkdtempSync(join(tmpdir(), 'archwright-install-'));
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    mkdirSync(join(dir, 'out/cli'), { recursive: true });
    for (const name of ['main.js', 'launcher.js', 'snapshot-entry.js']) cpSync(join(ROOT, 'out/cli', name), join(dir, 'out/cli', name), { preserveTimestamps: true });
    return dir;
}

function run(install: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) {
    const r = spawnSync(process.execPath, [join(install, 'bin/archwright.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function waitFor(file: string, timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!existsSync(file)) {
        if (Date.now() > until) throw new Error(`${file} did not appear within ${timeoutMs} ms`);
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

/** Where `node bin/archwright.js` keeps its snapshot: asked of a script run as it is (Node's options are part of the name). */
function snapshotOf(install: string, cache: string): string {
    const script = join(mkdtempSync(join(tmpdir(), 'archwright-ask-')), 'ask.cjs');
    writeFileSync(script, `process.stdout.write(require(${JSON.stringify(join(install, 'out/cli/launcher.js'))}).snapshotFile(${JSON.stringify(join(install, 'out/cli/main.js'))}))`);
    return spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, ARCHWRIGHT_CACHE_DIR: cache } }).stdout;
}

describe('the command line started from its snapshot', () => {
    it('the tests run from the snapshot built for them', () => {
        const blob = process.env.ARCHWRIGHT_TEST_SNAPSHOT;
        expect(blob && existsSync(blob)).toBeTruthy();
        expect(snapshotOf(ROOT, process.env.ARCHWRIGHT_CACHE_DIR!)).toBe(blob);
    });

    it.each([
        ['check'], ['check', '--format', 'json'], ['check', '--format', 'sarif'], ['check', '--stage', 'production'], ['check', '--max-warnings', '0'],
        ['check', 'missing-folder'], ['check', '--format', 'yaml'], ['export', '--all', '--out', 'views'], ['export', '--view', 'checkout-flow', '--format', 'markdown'],
        ['docs', '--out', 'site'], ['format', '--check'], ['format'], ['check', '--help']
    ].map(args => [args.join(' '), args] as const))('archwright %s says and writes the same as without it', (_, args) => {
        // In the same folder both times (SARIF names files by their whole path), written afresh.
        const dir = folder({});
        const outcomes = ['1', '0'].map(snapshot => {
            rmSync(dir, { recursive: true, force: true });
            for (const [name, text] of Object.entries(MODEL)) {
                mkdirSync(dir, { recursive: true });
                writeFileSync(join(dir, name), text);
            }
            const result = archwright(args, { cwd: dir, env: { ARCHWRIGHT_SNAPSHOT: snapshot } });
            return { ...result, files: contents(dir) };
        });
        expect(outcomes[0]).toEqual(outcomes[1]);
    });

    it('runs from the snapshot, not from the bundle', () => {
        const install = installedCopy();
        const cache = mkdtempSync(join(tmpdir(), 'archwright-cache-'));
        const built = spawnSync(process.execPath, [join(install, 'out/cli/launcher.js'), '--build-snapshot', join(install, 'out/cli/main.js')], { encoding: 'utf8', env: { ...process.env, ARCHWRIGHT_CACHE_DIR: cache } });
        expect(built.status).toBe(0);
        // A bundle of the same size and time that fails if it is run: only the snapshot can answer.
        const bundle = join(install, 'out/cli/main.js');
        const { size, atime, mtime } = statSync(bundle);
        const failing = "throw new Error('the bundle ran');";
        writeFileSync(bundle, failing + ' '.repeat(size - failing.length));
        utimesSync(bundle, atime, mtime);
        const dir = folder(MODEL);
        const fromSnapshot = run(install, ['check', '.'], { ARCHWRIGHT_CACHE_DIR: cache }, dir);
        expect(fromSnapshot.stderr).toBe('');
        expect(fromSnapshot.stdout).toMatch(/\d+ errors?, \d+ warnings?, \d+ notes? in 3 files\n$/);
        expect(fromSnapshot.status).toBe(1);
        const inProcess = run(install, ['check', '.'], { ARCHWRIGHT_CACHE_DIR: cache, ARCHWRIGHT_SNAPSHOT: '0' }, dir);
        expect(inProcess.stderr).toContain('the bundle ran');
    });

    it('is built after a first run, and built again when damaged', async () => {
        const install = installedCopy();
        const cache = mkdtempSync(join(tmpdir(), 'archwright-cache-'));
        const blob = snapshotOf(install, cache);
        const dir = folder(MODEL);
        const expected = run(install, ['check', '.'], { ARCHWRIGHT_CACHE_DIR: cache, ARCHWRIGHT_SNAPSHOT: '0' }, dir);
        expect(existsSync(blob)).toBe(false);

        expect(run(install, ['check', '.'], { ARCHWRIGHT_CACHE_DIR: cache }, dir)).toEqual(expected);
        await waitFor(blob);
        expect(run(install, ['check', '.'], { ARCHWRIGHT_CACHE_DIR: cache }, dir)).toEqual(expected);

        // Node crashes on a damaged snapshot before any of our code runs: the command runs in process.
        writeFileSync(blob, 'not a snapshot');
        expect(run(install, ['check', '.'], { ARCHWRIGHT_CACHE_DIR: cache }, dir)).toEqual(expected);
        expect(existsSync(blob)).toBe(false);
        await waitFor(blob);
        expect(statSync(blob).size).toBeGreaterThan(1_000_000);
        expect(run(install, ['check', '.'], { ARCHWRIGHT_CACHE_DIR: cache }, dir)).toEqual(expected);
    }, 120_000);

    it('is never kept in a folder that others can write to', () => {
        const install = installedCopy();
        const cache = mkdtempSync(join(tmpdir(), 'archwright-cache-'));
        chmodSync(cache, 0o777);
        const dir = folder(MODEL);
        const expected = run(install, ['check', '.'], { ARCHWRIGHT_CACHE_DIR: cache, ARCHWRIGHT_SNAPSHOT: '0' }, dir);
        expect(run(install, ['check', '.'], { ARCHWRIGHT_CACHE_DIR: cache }, dir)).toEqual(expected);
        // The build would have been started (and its lock taken) as the command exited.
        expect(readdirSync(cache)).toEqual([]);
    });
});
