import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Tests that spawn the bundled server or command line run against a fresh build, and the command
 * line starts from a snapshot of that build, as it does once one is made (server/src/cli/launcher.ts):
 * built here into a cache folder of the test run's own. test/cli/snapshot.test.ts runs commands
 * both ways and without one.
 */
export default function setup(): () => void {
    const root = join(import.meta.dirname, '..');
    const run = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the build failed:\n${run.stderr}${run.stdout}`);
    const cache = mkdtempSync(join(tmpdir(), 'archwright-test-cache-'));
    process.env.ARCHWRIGHT_CACHE_DIR = cache;
    const snapshot = spawnSync(process.execPath, [join(root, 'out/cli/launcher.js'), '--build-snapshot', join(root, 'out/cli/main.js')], { cwd: root, encoding: 'utf8' });
    if (snapshot.status !== 0) throw new Error(`the command line's snapshot was not built:\n${snapshot.stderr}${snapshot.stdout}`);
    process.env.ARCHWRIGHT_TEST_SNAPSHOT = snapshot.stdout.trim();
    return () => rmSync(cache, { recursive: true, force: true });
}
