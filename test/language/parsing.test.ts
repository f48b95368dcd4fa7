import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosticLines, loadWorkspace } from '../helpers.js';

const example = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

describe('parsing and linking', () => {
    it('gives the design example no diagnostics at all', async () => {
        const ws = await loadWorkspace({ 'shop.arch': example });
        expect(diagnosticLines(ws.doc('shop.arch'))).toEqual([]);
    });

    it('reads a->b without spaces as a flow from a to b', async () => {
        const ws = await loadWorkspace('service a "A"\nservice b "B"\na->b "calls"\n');
        expect(diagnosticLines(ws.doc('model.arch'))).toEqual([]);
        expect(ws.model().model.flows.map(f => `${f.source}->${f.target}`)).toEqual(['a->b']);
    });

    it('accepts keywords as ids, and a flow whose source is named like a keyword', async () => {
        const ws = await loadWorkspace('service data "Data"\nservice production "P"\nservice stage-env "S"\ndata -> production\nproduction -> stage-env\n');
        expect(diagnosticLines(ws.doc('model.arch'))).toEqual([]);
        expect(ws.model().model.flows).toHaveLength(2);
    });

    it('accepts an element named like an instance count', async () => {
        const ws = await loadWorkspace('service x2 "X"\ndeployment d { node n { runs x2 x3 } }\n');
        expect(diagnosticLines(ws.doc('model.arch'))).toEqual([]);
        expect(ws.model().model.deployments[0].instances).toMatchObject([{ element: 'x2', count: 3 }]);
    });

    it('strips the first and last blank lines and the common indentation of a text block', async () => {
        const ws = await loadWorkspace('service a "A" {\n  description """\n    one\n      two\n  """\n}\n');
        expect(ws.model().model.elements[0].description).toBe('one\n  two');
    });

    it('reads escapes in strings', async () => {
        const ws = await loadWorkspace('service a "say \\"hi\\""\n');
        expect(ws.model().model.elements[0].title).toBe('say "hi"');
    });

    it('accepts comments of both kinds anywhere', async () => {
        const ws = await loadWorkspace('/* head */ service a "A" { // tail\n  technology /* inline */ "Go"\n}\n');
        expect(diagnosticLines(ws.doc('model.arch'))).toEqual([]);
        expect(ws.model().model.elements[0].technology).toBe('Go');
    });

    it('resolves references across files and dotted paths down through systems', async () => {
        const ws = await loadWorkspace({
            'a.arch': 'system shop "Shop" {\n  system inner "Inner" {\n    service orders "Orders"\n  }\n}\n',
            'b.arch': 'person u "U"\nu -> shop.inner.orders "uses"\nu -> orders "again"\n'
        });
        expect(diagnosticLines(ws.doc('b.arch'))).toEqual([]);
        expect(ws.model().model.flows.map(f => f.target)).toEqual(['orders', 'orders']);
    });
});
