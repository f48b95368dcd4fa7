// The performance benchmark: `npm run bench` (S, M, L) or `npm run bench -- --quick` (S, M).
// Options: --runs N (whole-process runs per measure, default 5), --edits N (default 100; typed into
//          a title, then half as many into a flow's target),
//          --only check,lsp,mermaid,preview   --no-likec4   --sizes S,M
// Prints a table and writes bench/RESULTS.md. Generated models go to .cache/bench (gitignored).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { generate } from './generate.mjs';
import { startServer, timeEdits, timeRequests } from './lsp-driver.mjs';
import { BUDGETS, judge } from './budgets.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const quick = args.includes('--quick');
const runs = Number(opt('runs', 5));
const edits = Number(opt('edits', 100));
const sizes = opt('sizes', quick ? 'S,M' : 'S,M,L').split(',');
const only = new Set(opt('only', 'check,lsp,mermaid,preview').split(','));
const withLikeC4 = !args.includes('--no-likec4');
const out = join(root, '.cache/bench');
// Bundled here (minified, as shipped) so that a concurrent rebuild of out/ cannot change what is
// measured; two folders deep so that the bundles find docs/rules like out/cli does. For profiles
// with readable names: BENCH_MINIFY=0 NODE_OPTIONS="--cpu-prof --cpu-prof-dir=DIR" (see NOTES.md).
const bin = join(root, '.cache/bench-bin');
const likec4Bin = join(root, 'node_modules/likec4/bin/likec4.mjs');
// The command line's startup snapshots (server/src/cli/launcher.ts), kept apart from the user's.
const snapshots = join(bin, 'snapshots');
process.env.ARCHWRIGHT_CACHE_DIR = snapshots;

const median = xs => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = x => (x === undefined || Number.isNaN(x) ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
const rows = [];
const record = (measure, size, value, extra = {}) => { rows.push({ measure, size, value, ...extra }); console.log(`${measure.padEnd(44)} ${size.padEnd(4)} ${ms(value).padStart(9)} ${extra.note ?? ''}`); };

async function bundle() {
    const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', minify: process.env.BENCH_MINIFY !== '0', logLevel: 'warning', legalComments: 'none' };
    await esbuild.build({ ...common, entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: join(bin, 'main.js'), define: { ARCHWRIGHT_VERSION: '"bench"' } });
    for (const name of ['launcher', 'snapshot-entry']) await esbuild.build({ ...common, entryPoints: [join(root, `server/src/cli/${name}.ts`)], outfile: join(bin, `${name}.js`) });
    await esbuild.build({ ...common, entryPoints: [join(root, 'server/src/main.ts')], outfile: join(bin, 'server.js') });
    // The command as shipped: bin/archwright.js (which turns on Node's compile cache and starts from
    // the snapshot once there is one) loading the bundle.
    writeFileSync(join(bin, 'archwright.js'), readFileSync(join(root, 'bin/archwright.js'), 'utf8').replaceAll('../out/cli/', './'));
    rmSync(snapshots, { recursive: true, force: true });
    await esbuild.build({ ...common, minify: false, format: 'esm', entryPoints: [join(root, 'bench/mermaid.ts')], outfile: join(bin, 'mermaid.mjs'),
        banner: { js: "import{createRequire}from'module';const require=createRequire(import.meta.url);" } });
}

/** One whole process under /usr/bin/time: wall, user+sys CPU and peak RSS. */
function timeProcess(command, argv, env) {
    const r = spawnSync('/usr/bin/time', ['-f', '@@ %e %U %S %M', command, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28, cwd: root, env: { ...process.env, ...env } });
    const line = r.stderr.split('\n').reverse().find(l => l.startsWith('@@ '));
    if (!line) throw new Error(`${command} ${argv.join(' ')} failed: ${r.stderr.slice(-500)}`);
    const [wall, user, sys, kb] = line.slice(3).split(' ').map(Number);
    return { wall: wall * 1000, cpu: (user + sys) * 1000, rssMb: kb / 1024, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Times the COMMANDS ([label, command, argv, env]) whole, RUNS times each, taking turns (A, B, C,
 * A, B, C, ...), so that a slow spell of a shared machine falls on all of them alike and their ratio
 * holds (run one after the other, one tool's runs could all land in it). Records each one's median
 * wall time, CPU and peak memory; returns each one's first timed run.
 */
function measureProcesses(size, commands) {
    for (const [, command, argv, env] of commands) {
        // One run first, not timed, for every tool: caches filled (Node's compile cache; the snapshot
        // that our first run leaves to build in the background), as from a user's second run on.
        timeProcess(command, argv, env);
        if (argv[0] === join(bin, 'archwright.js') && !env) waitForSnapshot();
    }
    const results = commands.map(() => []);
    for (let run = 0; run < runs; run++) commands.forEach(([, command, argv, env], i) => results[i].push(timeProcess(command, argv, env)));
    return commands.map(([label], i) => {
        const wall = median(results[i].map(r => r.wall)), cpu = median(results[i].map(r => r.cpu)), rss = median(results[i].map(r => r.rssMb));
        record(`${label} (wall)`, size, wall, { note: `cpu ${ms(cpu)}, peak ${rss.toFixed(0)} MB` });
        record(`${label} (cpu)`, size, cpu);
        rows.push({ measure: `${label} peak memory MB`, size, value: rss, unit: 'MB' });
        return results[i][0];
    });
}

/** Waits (up to a minute) for the snapshot that the untimed first run of check builds in the background. */
function waitForSnapshot() {
    const { snapshotFile } = createRequire(import.meta.url)(join(bin, 'launcher.js'));
    const blob = snapshotFile(join(bin, 'main.js'));
    const until = Date.now() + 60_000;
    while (!existsSync(blob) && !existsSync(`${blob}.failed`) && Date.now() < until) spawnSync('sleep', ['0.2']);
    if (!existsSync(blob)) console.log(`    no startup snapshot (${existsSync(`${blob}.failed`) ? readFileSync(`${blob}.failed`, 'utf8').trim() : 'not built within a minute'})`);
}

async function checkTimes(gen) {
    for (const size of sizes) {
        const dir = join(gen[size].dir, 'archwright');
        const commands = [
            ['archwright check', 'node', [join(bin, 'archwright.js'), 'check', dir]],
            // A first run on a machine (CI): no snapshot yet.
            ['archwright check, no snapshot', 'node', [join(bin, 'archwright.js'), 'check', dir], { ARCHWRIGHT_SNAPSHOT: '0' }]
        ];
        if (withLikeC4) commands.push(['likec4 validate --no-layout', 'node', [likec4Bin, 'validate', '--no-layout', join(gen[size].dir, 'likec4')]]);
        const [first, , lc] = measureProcesses(size, commands);
        console.log(`    ${first.stdout.trim().split('\n').pop()}`);
        if (lc && lc.status !== 0) console.log(`    likec4 exit ${lc.status}: ${lc.stderr.slice(-300)}`);
    }
}

/** The second edit of the big file: a character typed at the end of this flow's target, and deleted again. */
const FLOW_EDIT = { archwright: 'd0-ser3 -> d0-ser4 "step 2"', likec4: "d0.d0_ser3 -> d0.d0_ser4 'step 2'" };
/** Half as many edits as the title's: LikeC4 takes about a second for each at L. */
const referenceEdits = Math.max(2, 2 * Math.round(edits / 4));

function positionOf(file, needle, offset) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex(l => l.includes(needle));
    return { line, character: lines[line].indexOf(needle) + offset };
}

function archFiles(dir) {
    return execFileSync('find', [dir, '-name', '*.arch'], { encoding: 'utf8' }).trim().split('\n');
}

async function lspTimes(gen) {
    for (const size of sizes) {
        const dir = join(gen[size].dir, 'archwright');
        // With the Node options VS Code starts it with (SERVER_NODE_FLAGS, client/src/language-client.ts).
        const server = await startServer({ command: 'node', args: ['--max-semi-space-size=8', join(bin, 'server.js'), '--stdio'], folder: dir, files: archFiles(dir) });
        record('server: cold start to all diagnostics', size, server.coldMs, { note: server.missing ? `${server.missing} files without diagnostics` : '' });
        if (gen[size].bigFile) {
            const file = join(dir, `${gen[size].bigFile}.arch`);
            const at = positionOf(file, '"Part 3 of domain 0"', 5);
            const e = await timeEdits(server, file, at, edits);
            record('server: edit to diagnostics p50', size, quantile(e.toDiagnostics, 0.5));
            record('server: edit to diagnostics p95', size, quantile(e.toDiagnostics, 0.95));
            record('server: edit to all files settled p50', size, quantile(e.toQuiet, 0.5));
            rows.push({ measure: 'server: diagnostics messages per edit (median)', size, value: quantile(e.messages, 0.5), unit: 'count' });
            console.log(`server: diagnostics messages per edit ${size}: median ${quantile(e.messages, 0.5)}`);
            const ref = positionOf(file, '-> d0-ser4 ', 5);
            for (const [method, name] of [['textDocument/completion', 'completion'], ['textDocument/definition', 'definition'], ['textDocument/hover', 'hover']]) {
                const r = await timeRequests(server, file, method, ref, 100);
                const answered = Array.isArray(r.last) ? r.last.length : r.last?.items?.length ?? (r.last ? 1 : 0);
                record(`server: ${name} p50`, size, quantile(r.times, 0.5));
                record(`server: ${name} p95`, size, quantile(r.times, 0.95), { note: `${answered} result(s)` });
            }
        }
        rows.push({ measure: 'server peak memory MB', size, value: server.peakRssMb(), unit: 'MB' });
        console.log(`server peak memory ${size}: ${server.peakRssMb()?.toFixed(0)} MB`);
        if (gen[size].bigFile) {
            // Then typing into a reference (a flow's target: the flow loses it, then has it again):
            // what every rule about flows reads changes, so they run again over the whole model. After
            // the peak above, so that the budgeted measure stays the one it was; its own peak follows.
            const file = join(dir, `${gen[size].bigFile}.arch`);
            const f = await timeEdits(server, file, positionOf(file, FLOW_EDIT.archwright, FLOW_EDIT.archwright.indexOf(' "')), referenceEdits);
            record('server: edit to diagnostics, typing into a flow\'s target, p50', size, quantile(f.toDiagnostics, 0.5));
            record('server: edit to diagnostics, typing into a flow\'s target, p95', size, quantile(f.toDiagnostics, 0.95));
            rows.push({ measure: 'server peak memory MB, after typing into a flow\'s target too', size, value: server.peakRssMb(), unit: 'MB' });
        }
        await server.stop();
        if (withLikeC4 && gen[size].bigFile) {
            const lcDir = join(gen[size].dir, 'likec4');
            const files = execFileSync('find', [lcDir, '-name', '*.c4'], { encoding: 'utf8' }).trim().split('\n');
            const lc = await startServer({ command: 'node', args: [likec4Bin, 'lsp', '--stdio'], folder: lcDir, files, timeoutMs: 120_000 });
            record('likec4 lsp: cold start to all diagnostics', size, lc.coldMs, { note: lc.missing ? `${lc.missing} files without diagnostics` : '' });
            const file = join(lcDir, `${gen[size].bigFile}.c4`);
            const e = await timeEdits(lc, file, positionOf(file, "'Part 3 of domain 0'", 5), edits);
            record('likec4 lsp: edit to diagnostics p50', size, quantile(e.toDiagnostics, 0.5));
            record('likec4 lsp: edit to diagnostics p95', size, quantile(e.toDiagnostics, 0.95));
            const f = await timeEdits(lc, file, positionOf(file, FLOW_EDIT.likec4, FLOW_EDIT.likec4.indexOf(" '")), referenceEdits);
            record('likec4 lsp: edit to diagnostics, typing into a relation\'s target, p50', size, quantile(f.toDiagnostics, 0.5));
            record('likec4 lsp: edit to diagnostics, typing into a relation\'s target, p95', size, quantile(f.toDiagnostics, 0.95));
            rows.push({ measure: 'likec4 lsp peak memory MB', size, value: lc.peakRssMb(), unit: 'MB' });
            await lc.stop();
        }
    }
}

function mermaidTimes() {
    const r = spawnSync('node', [join(bin, 'mermaid.mjs')], { encoding: 'utf8', cwd: root });
    const { results } = JSON.parse(r.stdout.trim().split('\n').pop());
    for (const x of results) record(`mermaid text: ${x.kind} p50`, `${x.size}`, x.p50, { note: `${x.nodes} nodes, p95 ${ms(x.p95)}` });
}

async function previewTimes() {
    const page = join(root, 'bench/preview.mjs');
    if (!existsSync(page)) { console.log('preview: not measured (bench/preview.mjs not written yet)'); return; }
    const { measurePreview } = await import(page);
    for (const x of await measurePreview(root)) {
        const measure = x.model === 'crossings' ? 'preview, a view with crossings: model change to SVG p50' : 'preview: model change to SVG p50';
        record(measure, `${x.size}`, x.p50, { note: `p95 ${ms(x.p95)}` });
    }
}

function versions() {
    const v = p => { try { return JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')).version; } catch { return '?'; } };
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    return { node: process.version, langium: v('langium'), likec4: v('likec4'), mermaid: v('mermaid'), commit,
        cpu: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`, memory: `${(totalmem() / 2 ** 30).toFixed(1)} GB` };
}

/** The machine's speed now: bench/cpu-reference.mjs in a new process, 3 times; the median, in ms. */
function machineSpeed() {
    const times = [0, 1, 2].map(() => Number(execFileSync(process.execPath, [join(root, 'bench/cpu-reference.mjs')], { encoding: 'utf8' }).trim()));
    return median(times);
}

const startLoad = loadavg()[0];
const speed = { start: machineSpeed(), preview: undefined };
console.log(`load average ${loadavg().map(x => x.toFixed(2)).join(' ')}; machine speed ${speed.start} ms (bench/cpu-reference.mjs); ${runs} runs per process measure, ${edits} edits`);
await bundle();
const gen = {};
for (const size of sizes) gen[size] = generate(size, out);
for (const size of sizes) console.log(`model ${size}: ${gen[size].elements} elements, ${gen[size].flows} flows, ${gen[size].files} files, ${gen[size].lines} lines${gen[size].bigFile ? `, ${gen[size].bigFileLines}-line ${gen[size].bigFile}.arch` : ''}`);
if (only.has('check')) await checkTimes(gen);
if (only.has('lsp')) await lspTimes(gen);
if (only.has('mermaid')) mermaidTimes();
if (only.has('preview')) {
    speed.preview = machineSpeed();
    console.log(`machine speed before the preview: ${speed.preview} ms`);
    await previewTimes();
}
const endLoad = loadavg()[0];
// A relative --out is under the repository's folder; an absolute one is used as it is.
writeFileSync(resolve(root, opt('out', 'bench/RESULTS.md')), report(rows, gen, versions(), { startLoad, endLoad, speed }));
console.log(`\nwrote ${opt('out', 'bench/RESULTS.md')}`);

function report(rows, gen, info, load) {
    const lines = ['# Benchmark results', '', `Written by \`npm run bench ${args.join(' ')}\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`, '',
        `Machine: ${info.cpu}, ${info.memory}; load average ${load.startLoad.toFixed(2)} at the start, ${load.endLoad.toFixed(2)} at the end (the machine is shared: wall-clock numbers carry the other users' load, CPU numbers less so).`,
        `Machine speed: bench/cpu-reference.mjs (a fixed single-threaded JavaScript workload, median of 3 new processes; lower is faster) took ${load.speed.start} ms at the start${load.speed.preview === undefined ? '' : `, ${load.speed.preview} ms before the preview`}.`,
        `Versions: Node ${info.node}, Langium ${info.langium}, mermaid ${info.mermaid}, likec4 ${info.likec4}; Archwright at ${info.commit} plus the working tree.`, '',
        `Models (bench/generate.mjs): ${sizes.map(s => `${s}: ${gen[s].elements} elements, ${gen[s].flows} flows, ${gen[s].files} files, ${gen[s].lines} lines`).join('; ')}.`,
        `Whole-process numbers are medians of ${runs} runs, the tools taking turns (Archwright, Archwright without its snapshot, LikeC4, and again), each after one untimed run; latencies are over ${edits} edits or 100 requests.`, '',
        '| measure | size | value | budget | met |', '|---|---|---|---|---|'];
    for (const r of rows) {
        const b = judge(r, rows);
        lines.push(`| ${r.measure} | ${r.size} | ${r.unit === 'MB' ? `${r.value?.toFixed(0)} MB` : r.unit === 'count' ? `${r.value}` : ms(r.value)} | ${b?.text ?? ''} | ${b ? (b.met ? 'yes' : '**no**') : ''} |`);
    }
    for (const b of BUDGETS.filter(b => b.derived)) {
        const v = b.derived(rows);
        if (v !== undefined) lines.push(`| ${b.text} | | ${v.toFixed(2)} | ${b.limit} | ${b.ok(v) ? 'yes' : '**no**'} |`);
    }
    const extra = existsSync(join(root, 'bench/NOTES.md')) ? ['', readFileSync(join(root, 'bench/NOTES.md'), 'utf8')] : [];
    return lines.concat(extra).join('\n') + '\n';
}
