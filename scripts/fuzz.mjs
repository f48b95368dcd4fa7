// The long fuzzing run: `npm run fuzz -- --mutations 20000 --seed 1 [--no-huge] [--report docs/fuzzing-results.json]`.
// Bundles test/fuzz/fuzz-run.ts with esbuild (the same runner as the bounded run in the unit tests),
// runs it against the built server (out/server/main.js: run `node esbuild.mjs` first), prints
// progress and a summary, and writes each failing input under out/fuzz/failures/.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
    options: {
        mutations: { type: 'string', default: '20000' },
        seed: { type: 'string', default: '1' },
        'no-huge': { type: 'boolean', default: false },
        report: { type: 'string' }
    }
});
const outfile = join(root, 'out', 'fuzz', 'fuzz-run.mjs');
await build({
    entryPoints: [join(root, 'test', 'fuzz', 'fuzz-run.ts')], bundle: true, platform: 'node', format: 'esm',
    packages: 'external', outfile, logLevel: 'warning', sourcemap: 'inline'
});
const { runFuzz } = await import(pathToFileURL(outfile).toString());
const report = await runFuzz({
    seed: Number(values.seed), mutations: Number(values.mutations),
    huge: values['no-huge'] ? [] : ['a 1 MB line', 'a 1 MB line of tokens', '10,000 levels of nesting', '50,000 elements in one file', 'a 1 MB comment and 1 MB of braces'],
    log: line => console.log(line), failuresDir: join(root, 'out', 'fuzz', 'failures')
});
const summary = { ...report, failures: report.failures.map(({ input, ...f }) => ({ ...f, inputLength: input.length })) };
console.log(JSON.stringify(summary, null, 2));
if (values.report) writeFileSync(values.report, JSON.stringify(summary, null, 2) + '\n');
process.exit(report.failures.length ? 1 : 0);
