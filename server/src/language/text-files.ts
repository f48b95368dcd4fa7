import type { FileSystemNode, FileSystemProvider, URI } from 'langium';

/**
 * Reads model files as UTF-8 text, and remembers which could not be read and why, instead of
 * handing the parser the replacement characters of a binary or non-UTF-8 file (thousands of
 * syntax errors) or failing the whole workspace on one unreadable file. Such a file reads as
 * empty; the document validator reports the reason on it (`unreadable-file`), and the reason is
 * forgotten as soon as the file reads well again. A file that does not exist still fails to read,
 * as Langium expects.
 */
export class TextFileSystemProvider implements FileSystemProvider {
    /** Why each unreadable file could not be read, by URI. */
    private readonly problems = new Map<string, string>();

    constructor(private readonly files: FileSystemProvider) {}

    problemOf(uri: URI | string): string | undefined {
        return this.problems.get(uri.toString());
    }

    async readFile(uri: URI): Promise<string> {
        let bytes: Uint8Array;
        try {
            bytes = await this.files.readBinary(uri);
        } catch (error) {
            const code = (error as { code?: string }).code;
            if (code === 'ENOENT') throw error;
            return this.unreadable(uri, `cannot be read (${code === 'EACCES' ? 'permission denied' : code === 'ELOOP' ? 'a symbolic link loop' : code ?? String(error)})`);
        }
        return this.decode(uri, bytes);
    }

    readFileSync(uri: URI): string {
        return this.decode(uri, this.files.readBinarySync(uri));
    }

    private decode(uri: URI, bytes: Uint8Array): string {
        if (bytes.includes(0)) return this.unreadable(uri, 'is a binary file, not an Archwright model');
        let text: string;
        try {
            text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
            return this.unreadable(uri, 'is not UTF-8 text; save it as UTF-8');
        }
        this.problems.delete(uri.toString());
        return text;
    }

    private unreadable(uri: URI, reason: string): string {
        this.problems.set(uri.toString(), reason);
        console.warn(`Archwright: ${uri.fsPath} ${reason}; it is read as empty.`);
        return '';
    }

    stat(uri: URI): Promise<FileSystemNode> { return this.files.stat(uri); }
    statSync(uri: URI): FileSystemNode { return this.files.statSync(uri); }
    exists(uri: URI): Promise<boolean> { return this.files.exists(uri); }
    existsSync(uri: URI): boolean { return this.files.existsSync(uri); }
    readBinary(uri: URI): Promise<Uint8Array> { return this.files.readBinary(uri); }
    readBinarySync(uri: URI): Uint8Array { return this.files.readBinarySync(uri); }
    readDirectory(uri: URI): Promise<FileSystemNode[]> { return this.files.readDirectory(uri); }
    readDirectorySync(uri: URI): FileSystemNode[] { return this.files.readDirectorySync(uri); }
}
