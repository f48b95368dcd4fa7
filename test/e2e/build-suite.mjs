// Bundles the extension-host suite (test/e2e/suite) into out/test/e2e/suite.js: VS Code loads it as
// `extensionTestsPath`, in the extension host, where `vscode` is provided and mocha is required from
// the repository's node_modules. Shared by run.mjs (code-server) and run-electron.mjs (desktop VS Code).
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteBundle = join(root, 'out', 'test', 'e2e', 'suite.js');

export async function buildSuite() {
    await esbuild.build({
        entryPoints: [join(root, 'test', 'e2e', 'suite', 'index.ts')],
        outfile: suiteBundle,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node22',
        external: ['vscode', 'mocha'],
        sourcemap: 'inline',
        logLevel: 'warning'
    });
    return suiteBundle;
}
