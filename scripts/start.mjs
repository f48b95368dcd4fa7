// `npm start`: Archwright in VS Code on the example workspace (examples/acme-shop).
//
// With desktop VS Code (`code` on PATH): builds, then `code --extensionDevelopmentPath=. examples/acme-shop`.
// Without it: packages the extension, installs the .vsix into a code-server of its own (installed
// into .cache/ on first use, user data kept in .cache/start/ between runs), and prints the local URL
// to open in a browser. Ctrl+C stops code-server and everything it started.
//
// Options: --port N (default: a free port), --code-server (use code-server even when `code` exists).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { installCodeServer, installExtension, root, startCodeServer } from './code-server.mjs';
import { packageExtension } from './vsix.mjs';

const { values: options } = parseArgs({ options: { port: { type: 'string' }, 'code-server': { type: 'boolean', default: false } } });
const workspace = join(root, 'examples', 'acme-shop');
const log = message => console.log(`[start] ${message}`);

function hasDesktopCode() {
    return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

function inDesktopCode() {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
    log('opening examples/acme-shop in VS Code with the extension from this folder');
    const code = spawn('code', [`--extensionDevelopmentPath=${root}`, workspace], { stdio: 'inherit' });
    code.on('exit', status => process.exit(status ?? 0));
}

async function inCodeServer() {
    installCodeServer(log);
    const vsix = packageExtension({ log });
    const home = join(root, '.cache', 'start');
    installExtension(vsix, home);
    const server = await startCodeServer({ home, port: options.port ? Number(options.port) : undefined, logFile: join(home, 'code-server.log'), log });
    console.log(`\nArchwright in VS Code (code-server ${'\u2014'} the packaged extension on examples/acme-shop):\n\n    ${server.url}/?folder=${encodeURI(workspace)}\n`);
    console.log(`code-server's log: ${join(home, 'code-server.log')}. Press Ctrl+C to stop.`);
    const code = await server.exited;
    if (server.stopping) return; // Ctrl+C: the signal handler of code-server.mjs stops and exits.
    await server.stop();
    log(`code-server exited (${code}); see ${join(home, 'code-server.log')}`);
    process.exit(1);
}

if (!options['code-server'] && hasDesktopCode()) inDesktopCode();
else await inCodeServer();
