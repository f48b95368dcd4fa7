// `npm run test:electron`: the extension-host suite of test/e2e/suite in desktop VS Code, through
// @vscode/test-electron, for machines that can download VS Code (this project's development machine
// cannot: see CONTRIBUTING.md; `npm run test:e2e` runs the same suite in code-server there).
// @vscode/test-electron is installed on first use (npm install --no-save), not kept in package.json.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../../scripts/code-server.mjs';
import { buildSuite } from './build-suite.mjs';

const require = createRequire(import.meta.url);

function testElectron() {
    try {
        return require('@vscode/test-electron');
    } catch {
        console.log('[electron] installing @vscode/test-electron (not saved in package.json)');
        const install = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '@vscode/test-electron@^2'], { cwd: root, stdio: 'inherit' });
        if (install.status !== 0) process.exit(install.status ?? 1);
        return require('@vscode/test-electron');
    }
}

const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const suite = await buildSuite();
const workspace = mkdtempSync(join(tmpdir(), 'archwright-electron-'));
cpSync(join(root, 'examples', 'acme-shop'), workspace, { recursive: true });
cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
try {
    await testElectron().runTests({
        version: process.env.VSCODE_VERSION ?? 'stable',
        extensionDevelopmentPath: root,
        extensionTestsPath: suite,
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes']
    });
} catch (error) {
    console.error(`[electron] ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
} finally {
    rmSync(workspace, { recursive: true, force: true });
}
