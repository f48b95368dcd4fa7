// Bundles one of the benchmark's TypeScript scripts (bench/NAME.ts) into .cache/bench-bin and runs it
// with this process's arguments and Node options (node --expose-gc bench/phases.mjs ... passes
// --expose-gc on). Used by bench/phases.mjs and bench/requests.mjs.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleAndRun(name) {
    const out = join(root, `.cache/bench-bin/${name}.mjs`);
    await esbuild.build({
        entryPoints: [join(root, `bench/${name}.ts`)], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'warning',
        banner: { js: "import{createRequire}from'module';const require=createRequire(import.meta.url);" }
    });
    const r = spawnSync(process.execPath, [...process.execArgv, out, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
}
