import type { DiagramNodeSource } from '../../../server/src/protocol.js';

// The diagram's node → source map, read both ways: which node the editor's cursor is in, and
// whether a node's document may be opened. Pure functions, without `vscode`, for the unit tests.

type Position = DiagramNodeSource['range']['start'];
type Range = DiagramNodeSource['range'];

function contains(range: Range, at: Position): boolean {
    const afterStart = at.line > range.start.line || at.line === range.start.line && at.character >= range.start.character;
    const beforeEnd = at.line < range.end.line || at.line === range.end.line && at.character <= range.end.character;
    return afterStart && beforeEnd;
}

function size(range: Range): number {
    return (range.end.line - range.start.line) * 1e6 + range.end.character - range.start.character;
}

/** The node whose declaration holds the position (the innermost one, for things drawn inside others). */
export function nodeAt(nodes: Readonly<Record<string, DiagramNodeSource>>, uri: string, at: Position): string | undefined {
    let best: { id: string; size: number } | undefined;
    for (const [id, node] of Object.entries(nodes)) {
        if (node.uri !== uri || !contains(node.range, at)) continue;
        const s = size(node.range);
        if (!best || s < best.size) best = { id, size: s };
    }
    return best?.id;
}

/**
 * True when `uri` may be opened for a reveal: a `.arch` file on disk or an untitled one, in the
 * same workspace folder as the previewed document (`folderOf` says which folder a URI is in).
 */
export function isModelDocument(uri: string, previewed: string, folderOf: (uri: string) => string | undefined): boolean {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase();
    if (scheme !== 'file' && scheme !== 'untitled') return false;
    if (scheme === 'file' && !/\.arch$/i.test(uri)) return false;
    return folderOf(uri) === folderOf(previewed);
}
