import { URI } from 'langium';
import { MemoryFileSystem } from '../memory-file-system.js';
import { createArchwrightServices } from '../../server/src/module.js';
import { describe, expect, it } from 'vitest';
import { diagnosticCodes, diagnosticLines, loadWorkspace, WORKSPACE_ROOT } from '../helpers.js';

describe('core diagnostics', () => {
    it('reports a syntax error with its code and says which words fit', async () => {
        const ws = await loadWorkspace('architecture "A" {\n  stage prodution\n}\n');
        const lines = diagnosticLines(ws.doc('model.arch'));
        expect(lines[0]).toBe("2:9 syntax-error Unexpected 'prodution': expected whiteboard, design or production.");
        expect(lines.filter(l => l.includes('unresolved-reference'))).toEqual([]);
    });

    it('says what was found when a property is written with =', async () => {
        const ws = await loadWorkspace('service a "A" {\n  technology = "Go"\n}\n');
        expect(diagnosticLines(ws.doc('model.arch'))[0]).toMatch(/^2:14 syntax-error Unexpected character '='/);
    });

    it('keeps the rest of the diagnostics of a file with a syntax error', async () => {
        const ws = await loadWorkspace('service a "A" {\n  technology = "Go"\n}\nservice b "B"\nb -> b "self"\nb -> nowhere\n');
        expect(diagnosticCodes(ws.doc('model.arch'))).toEqual(expect.arrayContaining(['5 self-flow', '6 unresolved-reference']));
    });

    it('names the unresolved id and suggests the nearest id of the right kind', async () => {
        const ws = await loadWorkspace('requirement orders-fast "Fast"\nservice orders "Orders" { satisfies orders-fst }\nservice billing "B"\nbilling -> ordres\n');
        expect(diagnosticLines(ws.doc('model.arch'))).toEqual([
            '2:37 unresolved-reference No requirement named orders-fst; did you mean orders-fast?',
            '4:12 unresolved-reference No element named ordres; did you mean orders?'
        ]);
    });

    it('suggests nothing when no id of the right kind is close', async () => {
        const ws = await loadWorkspace('requirement orders-x "R"\nservice a "A"\na -> orders\n');
        expect(diagnosticLines(ws.doc('model.arch'))).toEqual(['3:6 unresolved-reference No element named orders.']);
    });

    it('reports a dotted path whose segment is no part of the one before', async () => {
        const ws = await loadWorkspace('system shop "Shop" {\n  service orders "O"\n}\nservice b "B"\nb -> shop.ordrs\n');
        expect(diagnosticLines(ws.doc('model.arch'))).toEqual(['5:6 unresolved-reference shop has no part named ordrs; did you mean shop.orders?']);
    });

    it('reports duplicate ids on every declaration, across files and kinds, each pointing at the others', async () => {
        const ws = await loadWorkspace({ 'a.arch': 'service dup "One"\n', 'b.arch': 'requirement dup "Two"\nview dup "Three" requirements\n' });
        expect(diagnosticCodes(ws.doc('a.arch'))).toEqual(['1 duplicate-id']);
        expect(diagnosticCodes(ws.doc('b.arch'))).toEqual(['1 duplicate-id', '2 duplicate-id']);
        const related = ws.doc('a.arch').diagnostics![0].relatedInformation!;
        expect(related.map(r => `${r.location.uri.replace(WORKSPACE_ROOT, '')}:${r.location.range.start.line + 1}`)).toEqual(['b.arch:1', 'b.arch:2']);
    });

    it('says what a wrong-kind reference found and what fits', async () => {
        const ws = await loadWorkspace([
            'person p "P"', 'data d "D"', 'service orders "Orders" { satisfies orders }', 'database db "DB" { stores orders }',
            'decision x "X" { status superseded by orders }', 'deployment prod { node n { runs p } }', 'view v "V" of orders', 'orders -> d'
        ].join('\n'));
        expect(diagnosticLines(ws.doc('model.arch')).map(l => l.replace(/^\d+:\d+ /, ''))).toEqual([
            'wrong-kind orders is a service; satisfies needs a requirement.',
            'wrong-kind orders is a service; stores needs a data asset.',
            'wrong-kind orders is a service; superseded by needs a decision.',
            'wrong-kind p is a person; runs needs a deployable element.',
            'wrong-kind orders is a service; a view of needs a system.',
            "wrong-kind d is a data asset; a flow's target needs an element."
        ]);
    });

    it('reports a flow from an element to itself', async () => {
        const ws = await loadWorkspace('service a "A"\na -> a "loops"\n');
        expect(diagnosticLines(ws.doc('model.arch'))).toEqual(['2:3 self-flow The flow starts and ends at a: a flow must join two different elements.']);
    });

    it('reports every architecture declaration after the first in path order', async () => {
        const ws = await loadWorkspace({ 'b.arch': 'architecture "B" { stage whiteboard }\n', 'a.arch': 'architecture "A" { stage design }\n' });
        expect(diagnosticCodes(ws.doc('a.arch'))).toEqual([]);
        expect(diagnosticCodes(ws.doc('b.arch'))).toEqual(['1 duplicate-architecture']);
        expect(ws.model().model.stage).toBe('design');
    });

    it('takes path order as the model does, by character code and not by locale: B.arch before a.arch', async () => {
        // A locale's order puts a.arch first; the model (and `sort()`) put B.arch first. Both must agree.
        const ws = await loadWorkspace({ 'a.arch': 'architecture "A" { stage whiteboard }\n', 'B.arch': 'architecture "B" { stage design }\n' });
        expect(ws.model().model.stage).toBe('design');
        expect(diagnosticCodes(ws.doc('B.arch'))).toEqual([]);
        expect(diagnosticCodes(ws.doc('a.arch'))).toEqual(['1 duplicate-architecture']);
    });

    it('reports a repeated property on each repeat, not on the first, and accepts repeatable ones', async () => {
        const ws = await loadWorkspace('service a "A" {\n  technology "Go"\n  technology "Rust"\n  alert "x"\n  alert "y"\n  link "a"\n  link "b"\n}\n');
        expect(diagnosticCodes(ws.doc('model.arch'))).toEqual(['3 duplicate-property']);
    });

    it('reports properties on kinds that do not take them, and elements nested outside systems', async () => {
        const ws = await loadWorkspace('person p "P" { replicas 2  satisfies r }\nrequirement r "R"\nservice s "S" {\n  stores d\n  service inner "I"\n}\ndata d "D"\n');
        expect(diagnosticCodes(ws.doc('model.arch'))).toEqual(['1 misplaced-property', '1 misplaced-property', '4 misplaced-property', '5 misplaced-property']);
    });

    it('rejects an instance count that is not x and a number', async () => {
        const ws = await loadWorkspace('service a "A"\nservice b "B"\ndeployment d { node n { runs a b } }\n');
        expect(diagnosticLines(ws.doc('model.arch'))).toEqual(["3:32 syntax-error 'b' is not an instance count: write x1, x2... after the element, or separate elements with commas."]);
    });
});

describe('one model per workspace folder', () => {
    it('updates the diagnostics of other files when a file is added, changed or deleted', async () => {
        const ws = await loadWorkspace({ 'a.arch': 'service a "A"\na -> b\n' });
        expect(diagnosticCodes(ws.current('a.arch'))).toEqual(['2 unresolved-reference']);
        await ws.write('b.arch', 'service b "B"\n');
        expect(diagnosticCodes(ws.current('a.arch'))).toEqual([]);
        await ws.write('c.arch', 'service a "again"\n');
        expect(diagnosticCodes(ws.current('a.arch'))).toEqual(['1 duplicate-id']);
        await ws.write('c.arch', 'service c "renamed"\n');
        expect(diagnosticCodes(ws.current('a.arch'))).toEqual([]);
        await ws.remove('b.arch');
        expect(diagnosticCodes(ws.current('a.arch'))).toEqual(['2 unresolved-reference']);
    });

    it('keeps the models of two workspace folders apart', async () => {
        const fileSystem = new MemoryFileSystem();
        fileSystem.files.set('file:///one/a.arch', 'service a "A"\na -> b\n');
        fileSystem.files.set('file:///two/b.arch', 'service b "B"\nservice a "A"\n');
        const { shared } = createArchwrightServices({ fileSystemProvider: () => fileSystem });
        const workspaceFolders = [{ uri: 'file:///one', name: 'one' }, { uri: 'file:///two', name: 'two' }];
        shared.workspace.WorkspaceManager.initialize({ workspaceFolders, capabilities: {}, processId: null, rootUri: null });
        await shared.workspace.WorkspaceManager.initializeWorkspace(workspaceFolders);
        const docs = ['file:///one/a.arch', 'file:///two/b.arch'].map(u => shared.workspace.LangiumDocuments.getDocument(URI.parse(u))!);
        expect(diagnosticCodes(docs[0])).toEqual(['2 unresolved-reference']);
        expect(diagnosticCodes(docs[1])).toEqual([]);
    });
});
