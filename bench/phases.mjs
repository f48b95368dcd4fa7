// Bundles bench/phases.ts and runs it with the given arguments (see that file). With a full GC
// between edits: node --expose-gc bench/phases.mjs ... passes --expose-gc on.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.cache/bench-bin/phases.mjs');
await esbuild.build({
    entryPoints: [join(root, 'bench/phases.ts')], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'warning',
    banner: { js: "import{createRequire}from'module';const require=createRequire(import.meta.url);" }
});
const r = spawnSync(process.execPath, [...process.execArgv, out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
