// Packages the extension (`npm run package`: a production build, then vsce) and returns the .vsix,
// for `npm start` and the end-to-end tests, which both run what users would install.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './code-server.mjs';

export const manifest = () => JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The folder name VS Code gives the installed extension: publisher.name-version. */
export const installedFolderName = () => {
    const { publisher, name, version } = manifest();
    return `${publisher}.${name}-${version}`;
};

export function packageExtension({ log = console.log, logFile } = {}) {
    const started = Date.now();
    const { name, version } = manifest();
    const vsix = join(root, `${name}-${version}.vsix`);
    rmSync(vsix, { force: true });
    const run = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8' });
    if (logFile) writeFileSync(logFile, `${run.stdout}${run.stderr}`);
    if (run.status !== 0 || !existsSync(vsix)) {
        throw new Error(`npm run package failed${logFile ? `; see ${logFile}` : `:\n${run.stdout}${run.stderr}`}`);
    }
    log(`packaged ${relative(root, vsix)} (${(statSync(vsix).size / 1024).toFixed(0)} KiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return vsix;
}
