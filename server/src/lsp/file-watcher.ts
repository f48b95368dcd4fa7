import { existsSync, readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';
import { URI } from 'langium';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import type { ArchwrightSharedServices } from '../module.js';

/**
 * Langium learns of files changed on disk (a `git pull`, another program) only from the client's
 * `workspace/didChangeWatchedFiles`, which it asks for by dynamic registration. Clients that cannot
 * register watchers (Neovim before 0.10 on Linux, some others) would keep a stale model until the
 * server restarts. For those clients the server watches by itself: each workspace folder, every
 * directory that holds a model file, and every directory created in a watched one (not whole trees,
 * which would mean watching `node_modules` too), and reports `.arch` files created, changed or
 * deleted there as the client would.
 */
export function watchFilesWhenTheClientCannot(shared: ArchwrightSharedServices): void {
    let clientWatches = true;
    shared.lsp.LanguageServer.onInitialize(params => {
        clientWatches = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        if (clientWatches) return;
        shared.workspace.WorkspaceManager.ready
            .then(() => new ServerSideWatcher(shared).start())
            .catch(error => console.warn(`Archwright: cannot watch the workspace for changes on disk (${String(error)}).`));
    });
}

/** How deep below a new directory model files are looked for. */
const MAX_DISCOVERY_DEPTH = 8;
/** What the workspace's own scan (Langium's) leaves out: hidden directories, `node_modules` and `out`. */
const SKIPPED = /^(\.|node_modules$|out$)/;

function isNewDirectory(path: string): boolean {
    try {
        return !SKIPPED.test(path.split(/[\\/]/).pop() ?? '') && statSync(path).isDirectory();
    } catch {
        return false;
    }
}

class ServerSideWatcher {
    private readonly watchers = new Map<string, FSWatcher>();
    private readonly pending = new Set<string>();
    private timer: NodeJS.Timeout | undefined;
    private warned = false;

    constructor(private readonly shared: ArchwrightSharedServices) {}

    start(): void {
        for (const folder of this.shared.workspace.WorkspaceManager.workspaceFolders ?? []) {
            const uri = URI.parse(folder.uri);
            if (uri.scheme === 'file') this.watchDirectory(uri.fsPath);
        }
        this.watchDirectoriesOf(this.shared.workspace.LangiumDocuments.all.map(doc => doc.uri));
        // Files that appear later (in a directory that had none) get their directory watched too.
        this.shared.workspace.DocumentBuilder.onUpdate(changed => this.watchDirectoriesOf(changed));
        process.once('exit', () => this.stop());
    }

    stop(): void {
        for (const watcher of this.watchers.values()) watcher.close();
        this.watchers.clear();
        if (this.timer) clearTimeout(this.timer);
    }

    private watchDirectoriesOf(uris: Iterable<URI>): void {
        for (const uri of uris) {
            if (uri.scheme === 'file' && this.shared.model.ModelFolders.folderOf(uri) !== '') this.watchDirectory(dirname(uri.fsPath));
        }
    }

    private watchDirectory(directory: string): void {
        if (this.watchers.has(directory)) return;
        try {
            const watcher = watch(directory, { persistent: false }, (_event, name) => {
                if (!name) return;
                const path = join(directory, name.toString());
                if (path.endsWith('.arch')) this.changed(path);
                else if (isNewDirectory(path)) this.discover(path, 0);
            });
            watcher.on('error', () => {
                watcher.close();
                this.watchers.delete(directory);
            });
            this.watchers.set(directory, watcher);
        } catch (error) {
            if (!this.warned) console.warn(`Archwright: cannot watch ${directory} for changes on disk (${String(error)}); restart the server to pick them up.`);
            this.warned = true;
        }
    }

    /**
     * A directory created in a watched one (`mkdir`, a checkout, a copied folder): it is watched from
     * now on, and the model files already in it, or in directories below it, are reported as created.
     * Directories the workspace's own scan leaves out are left out here too.
     */
    private discover(directory: string, depth: number): void {
        if (depth > MAX_DISCOVERY_DEPTH || this.watchers.has(directory)) return;
        this.watchDirectory(directory);
        let entries: Dirent[];
        try {
            entries = readdirSync(directory, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            const path = join(directory, entry.name);
            if (entry.isFile() && entry.name.endsWith('.arch')) this.changed(path);
            else if (entry.isDirectory() && !SKIPPED.test(entry.name)) this.discover(path, depth + 1);
        }
    }

    /** Events come in bursts (an editor's save is several): reported together, 100 ms after the last. */
    private changed(path: string): void {
        this.pending.add(path);
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => this.report(), 100);
        this.timer.unref();
    }

    private report(): void {
        const changes: FileEvent[] = [...this.pending].map(path => ({
            uri: URI.file(path).toString(),
            type: existsSync(path) ? FileChangeType.Changed : FileChangeType.Deleted
        }));
        this.pending.clear();
        if (changes.length > 0) this.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles?.({ changes });
    }
}
