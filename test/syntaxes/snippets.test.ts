import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../helpers.js';

// Every snippet, expanded with its default choices, must be Archwright the parser accepts.

interface Snippet { prefix: string | string[]; body: string[]; description: string }
const snippets: Record<string, Snippet> = JSON.parse(readFileSync(new URL('../../snippets/archwright.code-snippets', import.meta.url), 'utf8'));

/** The text VS Code inserts when the user accepts every default. */
function expand(body: string[]): string {
    let text = body.join('\n')
        .replace(/\$CURRENT_YEAR/g, '2026').replace(/\$CURRENT_MONTH/g, '03').replace(/\$CURRENT_DATE/g, '02')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1');
    for (let previous = ''; previous !== text;) {
        previous = text;
        text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
    }
    return text.replace(/\$\d+/g, '');
}

/** Zones and nodes only exist inside a deployment. */
function inContext(name: string, text: string): string {
    return ['Zone', 'Node'].includes(name) ? `deployment d {\n${text}\n}` : text;
}

describe('snippets', () => {
    it('cover every declaration and every view form', () => {
        const prefixes = Object.values(snippets).flatMap(s => [s.prefix].flat());
        const expected = ['architecture', 'person', 'external', 'system', 'service', 'app', 'function', 'job', 'gateway', 'loadbalancer', 'component',
            'database', 'cache', 'queue', 'storage', 'requirement', 'constraint', 'data', 'flow', 'deployment', 'zone', 'node', 'decision',
            'view-landscape', 'view-of', 'view-deployment', 'view-sequence', 'view-requirements', 'view-dataflow'];
        expect(expected.filter(p => !prefixes.includes(p))).toEqual([]);
    });

    it('expand to text without syntax errors or misplaced properties', async () => {
        const files = Object.fromEntries(Object.entries(snippets).map(([name, s], i) => [`snippet-${i}.arch`, inContext(name, expand(s.body))]));
        const workspace = await loadWorkspace(files);
        const errors = workspace.documents.flatMap(doc => (doc.diagnostics ?? [])
            // Snippets name placeholder ids, so references and duplicates are expected; nothing else is.
            .filter(d => d.severity === 1 && !['unresolved-reference', 'duplicate-id', 'duplicate-architecture', 'wrong-kind'].includes(String(d.code)))
            .map(d => `${doc.uri.path}:${d.range.start.line + 1} ${d.code} ${d.message}\n${doc.textDocument.getText()}`));
        expect(errors).toEqual([]);
    });
});
