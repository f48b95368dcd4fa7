// Bundles the VS Code client, the language server, the command line and the preview's browser code.
//   node esbuild.mjs               development build (source maps)
//   node esbuild.mjs --watch       rebuild on change
//   node esbuild.mjs --production  minified, no source maps
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { mermaidPatches } from './scripts/mermaid-patches.mjs';

// `archwright --version` and SARIF read the version from here (server/src/cli/version.ts).
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'info',
    legalComments: 'none'
};

const targets = [
    { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'out/client/extension.js', platform: 'node', format: 'cjs', target: 'node22', external: ['vscode'] },
    { ...common, entryPoints: ['server/src/main.ts'], outfile: 'out/server/main.js', platform: 'node', format: 'cjs', target: 'node22' },
    { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'out/cli/main.js', platform: 'node', format: 'cjs', target: 'node22', define: { ARCHWRIGHT_VERSION: JSON.stringify(version) } },
    // bin/archwright.js loads this first: it starts commands from the bundle's startup snapshot (server/src/cli/launcher.ts).
    { ...common, entryPoints: ['server/src/cli/launcher.ts'], outfile: 'out/cli/launcher.js', platform: 'node', format: 'cjs', target: 'node22' },
    { ...common, entryPoints: ['server/src/cli/snapshot-entry.ts'], outfile: 'out/cli/snapshot-entry.js', platform: 'node', format: 'cjs', target: 'node22' },
    { ...common, entryPoints: ['client/webview/preview.ts'], outfile: 'out/webview/preview.js', platform: 'browser', format: 'iife', target: 'es2022', plugins: [mermaidPatches()] }
].filter(t => existsSync(t.entryPoints[0]));

if (watch) {
    const contexts = await Promise.all(targets.map(t => esbuild.context(t)));
    await Promise.all(contexts.map(c => c.watch()));
    console.log('watching for changes...');
} else {
    await Promise.all(targets.map(t => esbuild.build(t)));
}
