// Microbenchmark of Mermaid's getConfig copy: Mermaid's own assignWithDepth({}, config) against the
// preview's copyOfConfig (client/webview/mermaid-config.ts), on Mermaid's default configuration with
// the preview's settings. Run: node bench/mermaid-config-copy.mjs (see bench/NOTES.md).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { mermaidConfigModule } from '../scripts/mermaid-patches.mjs';

const root = join(import.meta.dirname, '..');
const mermaid = await import(pathToFileURL(mermaidConfigModule()).href);
mermaid.setConfig({ securityLevel: 'strict', flowchart: { htmlLabels: true, subGraphTitleMargin: { top: 4, bottom: 22 } } });
const config = mermaid.getConfig();

const built = await esbuild.build({ entryPoints: [join(root, 'client/webview/mermaid-config.ts')], bundle: true, write: false, format: 'esm', logLevel: 'warning' });
const { copyOfConfig } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);

function time(name, run) {
    for (let i = 0; i < 2000; i++) run();
    const start = performance.now();
    for (let i = 0; i < 5000; i++) run();
    console.log(`${name.padEnd(40)} ${((performance.now() - start) / 5).toFixed(1).padStart(7)} µs per call`);
}
const sections = Object.values(config).filter(v => v !== null && typeof v === 'object' && !Array.isArray(v));
console.log(`Mermaid's configuration: ${Object.keys(config).length} members, ${sections.reduce((n, s) => n + Object.keys(s).length, 0)} in its sections`);
time('assignWithDepth({}, config) (Mermaid)', () => mermaid.assignWithDepth_default({}, config));
time('copyOfConfig(config) (the preview)', () => copyOfConfig(config, mermaid.assignWithDepth_default));
