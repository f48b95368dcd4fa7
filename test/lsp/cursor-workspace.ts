import type { LangiumDocument } from 'langium';
import type { Position, Range } from 'vscode-languageserver';
import { cursor, loadWorkspace, type Workspace } from '../helpers.js';

export interface CursorWorkspace extends Workspace {
    /** The file that held the `|` marker. */
    here: LangiumDocument;
    position: Position;
    /** `{ textDocument, position }` for a request at the marker. */
    params: { textDocument: { uri: string }; position: Position };
}

/** Loads files as one model; exactly one of them marks the cursor with `|`. */
export async function loadAtCursor(files: Record<string, string> | string): Promise<CursorWorkspace> {
    const byName: Record<string, string> = typeof files === 'string' ? { 'model.arch': files } : { ...files };
    const marked = Object.keys(byName).filter(name => byName[name].includes('|'));
    if (marked.length !== 1) throw new Error('mark the cursor with | in exactly one file');
    const { text, offset } = cursor(byName[marked[0]]);
    byName[marked[0]] = text;
    const ws = await loadWorkspace(byName);
    const here = ws.doc(marked[0]);
    const position = here.textDocument.positionAt(offset);
    return { ...ws, here, position, params: { textDocument: { uri: here.uri.toString() }, position } };
}

/** `file.arch:line:col-line:col` (1-based) with the text it covers: what a person sees when the editor jumps. */
export function describeRange(ws: Workspace, uri: string, range: Range): string {
    const doc = ws.documents.find(d => d.uri.toString() === uri);
    const name = uri.slice(uri.lastIndexOf('/') + 1);
    const text = doc?.textDocument.getText(range) ?? '?';
    return `${name}:${range.start.line + 1}:${range.start.character + 1} ${text}`;
}
