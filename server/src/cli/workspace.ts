import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createArchwrightServices, type ArchwrightServices } from '../module.js';
import type { DepthLimitedParser } from '../language/depth-limited-parser.js';
import { Progress } from './terminal.js';
import { pushAll } from '../util/arrays.js';

/** A problem with what the user asked for: one line on stderr, exit 2. */
export class UsageError extends Error {}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'out', 'dist']);

/** The `.arch` files named by the paths: files as given, folders searched recursively. */
export function collectArchFiles(paths: readonly string[]): string[] {
    const files: string[] = [];
    for (const path of paths) {
        let stat;
        try {
            stat = statSync(path);
        } catch {
            throw new UsageError(`${path}: no such file or folder`);
        }
        if (stat.isDirectory()) {
            const found = walk(path);
            if (found.length === 0) throw new UsageError(`${path}: no .arch files in this folder`);
            pushAll(files, found);
        } else {
            files.push(path);
        }
    }
    return [...new Set(files.map(f => resolve(f)))].sort();
}

function walk(folder: string, seen = new Set<string>()): string[] {
    let real: string;
    try {
        real = statSync(folder).ino + ':' + statSync(folder).dev;
    } catch {
        return [];
    }
    if (seen.has(real)) return [];
    seen.add(real);
    const out: string[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(path))) {
            if (!SKIPPED_FOLDERS.has(entry.name)) pushAll(out, walk(path, seen));
        } else if (entry.name.endsWith('.arch')) {
            out.push(path);
        }
    }
    return out;
}

function isDirectory(path: string): boolean {
    try {
        return statSync(path).isDirectory();
    } catch {
        return false;
    }
}

/** Reads a model file as UTF-8 text, refusing binary and non-UTF-8 content with a clear reason. */
export function readModelFile(path: string): string {
    let bytes: Buffer;
    try {
        bytes = readFileSync(path);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file; a broken link?' : code === 'EISDIR' ? 'a folder' : code ?? String(error);
        throw new UsageError(`${displayPath(path)}: cannot read the file (${reason})`);
    }
    if (bytes.includes(0)) throw new UsageError(`${displayPath(path)}: a binary file, not an Archwright model`);
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new UsageError(`${displayPath(path)}: not UTF-8 text; save it as UTF-8`);
    }
}

export function displayPath(path: string): string {
    const rel = relative(process.cwd(), path);
    return rel.startsWith('..') ? path : rel;
}

export interface LoadedModel {
    services: ArchwrightServices;
    documents: LangiumDocument[];
    /** File path of each document, by URI. */
    paths: Map<string, string>;
}

/** Loads the files as one model, builds and validates them with the same services as the editor. */
export async function loadModel(files: readonly string[]): Promise<LoadedModel> {
    const progress = new Progress();
    try {
        return await buildModel(files, progress);
    } finally {
        progress.done();
    }
}

// Built once and checked: no editor will ask where a declaration is used.
const modelServices = () => createArchwrightServices(NodeFileSystem, { once: true });
let prepared: ReturnType<typeof modelServices> | undefined;

/**
 * Builds the services that the next model will be loaded with, and what they build only when first
 * used: the parser above all (Chevrotain analyses the grammar), the lexer, the document builder,
 * linker and validator. The command line's startup snapshot calls this (snapshot.ts), so that a
 * command started from it finds them ready. They serve one model: a second one gets new services.
 */
export function prepareServices(): void {
    prepared = modelServices();
    const { shared, Archwright } = prepared;
    (Archwright.parser.LangiumParser as DepthLimitedParser).prepare();
    void [Archwright.parser.Lexer, Archwright.references.Linker, Archwright.references.ScopeProvider,
        Archwright.references.ScopeComputation, Archwright.validation.DocumentValidator, shared.workspace.DocumentBuilder,
        shared.workspace.IndexManager, shared.workspace.LangiumDocumentFactory, shared.workspace.LangiumDocuments];
}

async function buildModel(files: readonly string[], progress: Progress): Promise<LoadedModel> {
    const texts = files.map((f, i) => {
        progress.update(`reading ${i + 1}/${files.length} files`);
        return [f, readModelFile(f)] as const;
    });
    const { shared, Archwright } = prepared ?? modelServices();
    prepared = undefined;
    let validated = 0;
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => progress.update(`checking ${++validated}/${files.length} files`));
    const documents: LangiumDocument[] = [];
    const paths = new Map<string, string>();
    for (const [file, text] of texts) {
        const uri = URI.file(file);
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(doc);
        documents.push(doc);
        paths.set(uri.toString(), file);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services: Archwright, documents, paths };
}
