import { describe, expect, it } from 'vitest';
import { allSnippets } from '../../server/src/lsp/completion-snippets.js';
import { loadWorkspace } from '../helpers.js';

// Snippets come from the language server's completion (where they fit the cursor, and in every
// editor), not from a contributed snippets file, which VS Code would list a second time everywhere.
// Every snippet, expanded with its default choices, must be Archwright the parser accepts.

/** The text an editor inserts when the user accepts every default. */
function expand(body: string): string {
    let text = body.replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1');
    for (let previous = ''; previous !== text;) {
        previous = text;
        text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1').replace(/\$\{\d+\}/g, 'x');
    }
    return text.replace(/\$\d+/g, '').replace(/\t/g, '  ');
}

/** Regions, zones and nodes only exist inside a deployment. */
function inContext(label: string, text: string): string {
    return ['region', 'zone', 'node'].includes(label) ? `deployment d {\n${text}\n}` : text;
}

describe('snippets', () => {
    const snippets = allSnippets();

    it('cover every declaration and every view form', () => {
        const labels = snippets.map(s => s.label);
        const expected = ['architecture', 'person', 'external', 'system', 'service', 'app', 'function', 'job', 'gateway', 'loadbalancer', 'component',
            'database', 'cache', 'queue', 'storage', 'requirement', 'constraint', 'data', 'flow', 'deployment', 'region', 'zone', 'node', 'decision',
            'view', 'view of', 'view deployment', 'view sequence', 'view requirements', 'view dataflow'];
        expect(expected.filter(p => !labels.includes(p))).toEqual([]);
    });

    it('expand to text without syntax errors or misplaced properties', async () => {
        const files = Object.fromEntries(snippets.map((s, i) => [`snippet-${i}.arch`, inContext(s.label, expand(s.insertText!))]));
        const workspace = await loadWorkspace(files);
        const errors = workspace.documents.flatMap(doc => (doc.diagnostics ?? [])
            // Snippets name placeholder ids, so references and duplicates are expected; nothing else is.
            .filter(d => d.severity === 1 && !['unresolved-reference', 'duplicate-id', 'duplicate-architecture', 'wrong-kind'].includes(String(d.code)))
            .map(d => `${doc.uri.path}:${d.range.start.line + 1} ${d.code} ${d.message}\n${doc.textDocument.getText()}`));
        expect(errors).toEqual([]);
    });
});
