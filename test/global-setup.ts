import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Tests that spawn the bundled server or command line run against a fresh build. */
export default function setup(): void {
    const root = join(import.meta.dirname, '..');
    const run = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the build failed:\n${run.stderr}${run.stdout}`);
}
