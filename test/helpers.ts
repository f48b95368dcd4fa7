import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAstNode, isReference, URI, type AstNode, type LangiumDocument } from 'langium';
import { MemoryFileSystem } from './memory-file-system.js';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createArchwrightServices, type ArchwrightServices, type ArchwrightSharedServices, type ServicesOptions } from '../server/src/module.js';
import type { BuiltModel } from '../server/src/model/model-provider.js';

export interface Workspace {
    shared: ArchwrightSharedServices;
    services: ArchwrightServices;
    documents: LangiumDocument[];
    /** The document of a file by its name (`a.arch`). */
    doc(name: string): LangiumDocument;
    uri(name: string): string;
    /** The built ArchModel of the workspace. */
    model(): BuiltModel;
    /** Writes (adds or changes) a file and rebuilds as the language server would after a file event. */
    write(name: string, text: string): Promise<LangiumDocument>;
    /**
     * Types into a file open in the editor: its text, as the editor sends it, replaces the file's,
     * and the workspace rebuilds as the language server does after a change (the file stays open).
     */
    type(name: string, text: string): Promise<LangiumDocument>;
    /** Deletes a file and rebuilds. */
    remove(name: string): Promise<void>;
    /** The current diagnostics of a file by name (documents are replaced on change). */
    current(name: string): LangiumDocument;
}

export const WORKSPACE_ROOT = 'file:///workspace/';

/**
 * Loads in-memory files as one model (as if they were the files of one workspace folder) and
 * builds them with validation, exactly as the language server would.
 */
export async function loadWorkspace(files: Record<string, string> | string, options?: ServicesOptions): Promise<Workspace> {
    const byName = typeof files === 'string' ? { 'model.arch': files } : files;
    const fileSystem = new MemoryFileSystem();
    const { shared, Archwright } = createArchwrightServices({ fileSystemProvider: () => fileSystem }, options);
    const documents: LangiumDocument[] = [];
    for (const [name, text] of Object.entries(byName)) {
        fileSystem.files.set(URI.parse(WORKSPACE_ROOT + name).toString(), text);
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(WORKSPACE_ROOT + name));
        shared.workspace.LangiumDocuments.addDocument(doc);
        documents.push(doc);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const uri = (name: string) => URI.parse(WORKSPACE_ROOT + name).toString();
    return {
        shared,
        services: Archwright,
        documents,
        uri,
        doc(name) {
            const found = documents.find(d => d.uri.toString() === uri(name));
            if (!found) throw new Error(`no file ${name}`);
            return found;
        },
        model: () => Archwright.model.ArchModels.modelOf(WORKSPACE_ROOT),
        async write(name, text) {
            const u = URI.parse(uri(name));
            fileSystem.files.set(u.toString(), text);
            await shared.workspace.DocumentBuilder.update([u], []);
            return shared.workspace.LangiumDocuments.getDocument(u)!;
        },
        async type(name, text) {
            const u = URI.parse(uri(name));
            const open = shared.workspace.TextDocuments as unknown as { get(uri: string): TextDocument | undefined; set(document: TextDocument): boolean };
            open.set(TextDocument.create(u.toString(), 'archwright', (open.get(u.toString())?.version ?? 0) + 1, text));
            await shared.workspace.DocumentBuilder.update([u], []);
            return shared.workspace.LangiumDocuments.getDocument(u)!;
        },
        async remove(name) {
            const u = URI.parse(uri(name));
            fileSystem.files.delete(u.toString());
            await shared.workspace.DocumentBuilder.update([], [u]);
        },
        current(name) {
            const doc = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri(name)));
            if (!doc) throw new Error(`no file ${name}`);
            return doc;
        }
    };
}

/** A file's diagnostics as `line:col code message` strings (1-based), sorted: what a person reads in the Problems panel. */
export function diagnosticLines(doc: LangiumDocument, filter: (d: Diagnostic) => boolean = () => true): string[] {
    return (doc.diagnostics ?? [])
        .filter(filter)
        .map(d => ({ d, key: [d.range.start.line, d.range.start.character] }))
        .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1])
        .map(({ d }) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`);
}

/** Just the `line code` pairs, for tests that care where and what, not the wording. */
export function diagnosticCodes(doc: LangiumDocument): string[] {
    return diagnosticLines(doc).map(l => l.replace(/^(\d+):\d+ (\S+).*$/, '$1 $2'));
}

/** The offset of the first `|` marker in text, and the text without it: for completion, hover, definition tests. */
export function cursor(textWithMarker: string): { text: string; offset: number } {
    const offset = textWithMarker.indexOf('|');
    if (offset < 0) throw new Error('no | marker in the text');
    return { text: textWithMarker.slice(0, offset) + textWithMarker.slice(offset + 1), offset };
}

/**
 * A syntax tree as plain data, for comparing two parses: each node's type, range, property and
 * index in its container and values, and each reference's text and range.
 */
export function plainTree(node: AstNode): unknown {
    const data: Record<string, unknown> = { $type: node.$type, $range: node.$cstNode?.range, $property: node.$containerProperty, $index: node.$containerIndex };
    for (const [key, value] of Object.entries(node)) {
        if (!key.startsWith('$')) data[key] = Array.isArray(value) ? value.map(plainValue) : plainValue(value);
    }
    return data;
}

function plainValue(value: unknown): unknown {
    if (isAstNode(value)) return plainTree(value);
    if (isReference(value)) return { $ref: value.$refText, $at: value.$refNode?.range, $text: value.$refNode?.text };
    return value;
}

/** The text of every `.arch` file of the repository's tests and examples and of the shared design and conformance cases. */
export function repositoryArchTexts(): { file: string; text: string }[] {
    const root = join(import.meta.dirname, '..');
    return [join(root, 'test'), join(root, 'examples'), join(root, '..', 'shared')]
        .flatMap(folder => readdirSync(folder, { recursive: true, withFileTypes: true })
            .filter(e => e.isFile() && e.name.endsWith('.arch') && !e.parentPath.includes('node_modules'))
            .map(e => join(e.parentPath, e.name)))
        .map(file => ({ file, text: readFileSync(file, 'utf8') }));
}
