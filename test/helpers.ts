import { URI, type LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createArchwrightServices, type ArchwrightServices, type ArchwrightSharedServices } from '../server/src/module.js';
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
}

export const WORKSPACE_ROOT = 'file:///workspace/';

/**
 * Loads in-memory files as one model (as if they were the files of one workspace folder) and
 * builds them with validation, exactly as the language server would.
 */
export async function loadWorkspace(files: Record<string, string> | string): Promise<Workspace> {
    const byName = typeof files === 'string' ? { 'model.arch': files } : files;
    const { shared, Archwright } = createArchwrightServices(EmptyFileSystem);
    const documents: LangiumDocument[] = [];
    for (const [name, text] of Object.entries(byName)) {
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
        model: () => Archwright.model.ArchModels.modelOf(documents[0].uri.toString())
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
