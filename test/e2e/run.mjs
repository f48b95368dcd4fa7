// `npm run test:e2e`: the packaged extension in a real VS Code (code-server, driven by Chromium).
//
//   1. installs what it needs on first use: Chromium (Debian), code-server (pinned, into .cache/);
//   2. packages the extension (`npm run package`) and installs the .vsix into a fresh code-server;
//   3. runs the mocha suite of test/e2e/suite inside the extension host, loading the extension from
//      the folder the .vsix installed into (the smoke-test driver's payload, see testing.md);
//   4. runs the UI scenarios of ui-scenarios.mjs with Playwright, screenshots of each step saved in
//      test-results/e2e/<time>/, which it prints;
//   5. opens the workspace once more in a code-server that asks about trust, answers "don't trust",
//      and checks that the extension works in Restricted Mode.
// Every code-server runs in its own process group and is stopped, also on failure or Ctrl+C.
//
// Options: --only host|ui, --grep TEXT (mocha tests and UI scenarios whose name contains TEXT),
// --keep (leave the temporary workspaces and code-server folders for a look afterwards).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { format, parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureChromium, installCodeServer, installExtension, root, startCodeServer } from '../../scripts/code-server.mjs';
import { installedFolderName, packageExtension } from '../../scripts/vsix.mjs';
import { buildSuite } from './build-suite.mjs';
import { runRestrictedModeScenario, runUiScenarios } from './ui-scenarios.mjs';

const { values: options } = parseArgs({
    options: { only: { type: 'string' }, grep: { type: 'string' }, keep: { type: 'boolean', default: false } }
});

const results = join(root, 'test-results', 'e2e', new Date().toISOString().replace(/[:.]/g, '-'));
mkdirSync(results, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'archwright-e2e-'));
const seconds = since => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = message => console.log(`[e2e] ${message}`);

export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A temporary copy of the example workspace plus the end-to-end fixtures: the tests never touch the repository. */
function prepareWorkspace(name) {
    const workspace = join(scratch, name);
    cpSync(join(root, 'examples', 'acme-shop'), workspace, { recursive: true });
    cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
    return workspace;
}

/** Runs the mocha suite in the extension host; resolves with its exit code and its passed/failed counts. */
async function runExtensionHostSuite(browser, extensionPath) {
    const suite = await buildSuite();
    const workspace = prepareWorkspace('host-workspace');
    const server = await startCodeServer({ home: join(scratch, 'host-code-server'), smokeTestDriver: true, logFile: join(results, 'code-server-host.log'), log });
    try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const output = [];
        let counts;
        const exited = new Promise(resolve => {
            page.exposeFunction('codeAutomationExit', code => resolve(code));
        });
        let printing = false;
        await page.exposeFunction('codeAutomationLog', (_type, args) => {
            const text = Array.isArray(args) ? format(...args) : String(args);
            output.push(text);
            // Mocha's report goes to the terminal; the workbench's own chatter (gallery lookups and
            // the like) to extension-host.log only.
            if (/^\s*Archwright in VS Code$/.test(text)) printing = true;
            if (printing) console.log(text);
            const summary = /^extension host: (\d+) passed, (\d+) failed$/.exec(text);
            if (summary) {
                counts = { passed: Number(summary[1]), failed: Number(summary[2]) };
                printing = false;
            }
        });
        const payload = [
            ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${extensionPath}`],
            ['extensionTestsPath', `vscode-remote://127.0.0.1:${server.port}${suite}`]
        ];
        const started = Date.now();
        await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        log(`workbench ready in ${seconds(started)}`);
        const code = await Promise.race([exited, new Promise(resolve => setTimeout(() => resolve('timeout'), 300_000))]);
        writeFileSync(join(results, 'extension-host.log'), output.join('\n') + '\n');
        await page.screenshot({ path: join(results, 'extension-host-end.png') }).catch(() => undefined);
        log(`extension-host suite finished with exit code ${code} in ${seconds(started)} (full output: ${relative(root, join(results, 'extension-host.log'))})`);
        if (code === 'timeout') return { passed: counts?.passed ?? 0, failed: (counts?.failed ?? 0) + 1 };
        if (!counts) return { passed: 0, failed: 1 };
        return code === 0 ? counts : { passed: counts.passed, failed: Math.max(counts.failed, 1) };
    } finally {
        await server.stop();
    }
}

async function main() {
    log(`screenshots and logs: ${relative(root, results)}/`);
    const chromiumPath = ensureChromium(log);
    const installStarted = Date.now();
    installCodeServer(log);
    log(`code-server ready (${seconds(installStarted)})`);
    const vsix = packageExtension({ log, logFile: join(results, 'package.log') });
    // The .vsix installs into the UI scenarios' code-server; the extension-host suite loads the same
    // installed folder as its development extension: both test exactly what the package ships.
    const uiHome = join(scratch, 'ui-code-server');
    installExtension(vsix, uiHome);
    const installed = join(uiHome, 'extensions', installedFolderName());
    if (!existsSync(join(installed, 'package.json'))) throw new Error(`the .vsix did not install into ${installed}`);
    if (options.grep) process.env.ARCHWRIGHT_E2E_GREP = options.grep;

    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: BROWSER_ARGS });
    const totals = { passed: 0, failed: 0 };
    const add = counts => { totals.passed += counts.passed; totals.failed += counts.failed; };
    try {
        if (options.only !== 'ui') add(await runExtensionHostSuite(browser, installed));
        if (options.only !== 'host') {
            const server = await startCodeServer({ home: uiHome, logFile: join(results, 'code-server-ui.log'), log });
            try {
                add(await runUiScenarios({ browser, server, workspace: prepareWorkspace('ui-workspace'), results, grep: options.grep, log }));
            } finally {
                await server.stop();
            }
            if (!options.grep || 'restricted mode'.includes(options.grep.toLowerCase())) {
                const restrictedHome = join(scratch, 'restricted-code-server');
                installExtension(vsix, restrictedHome);
                const restricted = await startCodeServer({ home: restrictedHome, workspaceTrust: true, logFile: join(results, 'code-server-restricted.log'), log });
                try {
                    add(await runRestrictedModeScenario({ browser, server: restricted, workspace: prepareWorkspace('restricted-workspace'), results, log }));
                } finally {
                    await restricted.stop();
                }
            }
        }
    } finally {
        await browser.close();
    }
    log(`screenshots and logs: ${relative(root, results)}/`);
    console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed`);
    return totals.failed === 0 && totals.passed > 0 ? 0 : 1;
}

// Ctrl+C ends the process from a signal handler (scripts/code-server.mjs stops the servers first).
process.on('exit', () => {
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
});

let exitCode = 1;
try {
    exitCode = await main();
} catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.stack : error}`);
}
if (options.keep) log(`kept ${scratch}`);
process.exit(exitCode);
