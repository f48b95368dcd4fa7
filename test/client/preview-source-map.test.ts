import { describe, expect, it } from 'vitest';
import { isModelDocument, nodeAt } from '../../client/src/preview/source-map.js';

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const A = 'file:///ws/a.arch';
const nodes = {
    el_shop: { uri: A, range: range(0, 0, 10, 1), selection: range(0, 7, 0, 11) },
    el_api: { uri: A, range: range(1, 2, 3, 3), selection: range(1, 10, 1, 13) },
    el_db: { uri: 'file:///ws/b.arch', range: range(1, 2, 3, 3), selection: range(1, 11, 1, 13) }
};

describe('the node under the cursor', () => {
    it('is the innermost declaration that holds the cursor, in that file', () => {
        expect(nodeAt(nodes, A, { line: 2, character: 4 })).toBe('el_api');
        expect(nodeAt(nodes, A, { line: 5, character: 0 })).toBe('el_shop');
        expect(nodeAt(nodes, 'file:///ws/b.arch', { line: 2, character: 0 })).toBe('el_db');
    });

    it('is none outside every drawn declaration', () => {
        expect(nodeAt(nodes, A, { line: 12, character: 0 })).toBeUndefined();
        expect(nodeAt(nodes, 'file:///ws/c.arch', { line: 2, character: 4 })).toBeUndefined();
    });
});

describe('a reveal', () => {
    const folderOf = (uri: string) => (uri.startsWith('file:///ws/') ? 'file:///ws/' : undefined);

    it('opens .arch files of the previewed model', () => {
        expect(isModelDocument('file:///ws/sub/b.arch', A, folderOf)).toBe(true);
    });

    it('opens nothing else: other folders, other file types, other schemes', () => {
        expect(isModelDocument('file:///elsewhere/b.arch', A, folderOf)).toBe(false);
        expect(isModelDocument('file:///ws/secrets.env', A, folderOf)).toBe(false);
        expect(isModelDocument('command:workbench.action.terminal.new', A, folderOf)).toBe(false);
        expect(isModelDocument('https://example.com/a.arch', A, folderOf)).toBe(false);
    });
});
