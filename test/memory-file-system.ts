import { URI, UriUtils, type FileSystemNode, type FileSystemProvider } from 'langium';

/** An in-memory file system for tests: files by URI string; folders are implied by paths. */
export class MemoryFileSystem implements FileSystemProvider {
    readonly files = new Map<string, string>();

    private node(uri: URI): FileSystemNode {
        const key = uri.toString();
        if (this.files.has(key)) return { uri, isFile: true, isDirectory: false };
        const prefix = key.endsWith('/') ? key : key + '/';
        if ([...this.files.keys()].some(k => k.startsWith(prefix))) return { uri, isFile: false, isDirectory: true };
        throw new Error(`ENOENT: ${key}`);
    }

    async stat(uri: URI) { return this.node(uri); }
    statSync(uri: URI) { return this.node(uri); }
    async exists(uri: URI) { return this.existsSync(uri); }
    existsSync(uri: URI) {
        try { this.node(uri); return true; } catch { return false; }
    }
    async readBinary(uri: URI) { return this.readBinarySync(uri); }
    readBinarySync(uri: URI) { return new TextEncoder().encode(this.readFileSync(uri)); }
    async readFile(uri: URI) { return this.readFileSync(uri); }
    readFileSync(uri: URI) {
        const text = this.files.get(uri.toString());
        if (text === undefined) throw new Error(`ENOENT: ${uri.toString()}`);
        return text;
    }
    async readDirectory(uri: URI) { return this.readDirectorySync(uri); }
    readDirectorySync(uri: URI): FileSystemNode[] {
        const prefix = uri.toString().endsWith('/') ? uri.toString() : uri.toString() + '/';
        const children = new Map<string, FileSystemNode>();
        for (const key of this.files.keys()) {
            if (!key.startsWith(prefix)) continue;
            const [first, ...rest] = key.slice(prefix.length).split('/');
            const child = UriUtils.joinPath(uri, first);
            children.set(first, { uri: child, isFile: rest.length === 0, isDirectory: rest.length > 0 });
        }
        return [...children.values()];
    }
}
