import { readFileSync } from 'node:fs';
import { AstUtils } from 'langium';
import { AbstractSemanticTokenProvider, SemanticTokensDecoder } from 'langium/lsp';
import { describe, expect, it } from 'vitest';
import { isNamed } from '../../server/src/language/generated/ast.js';
import { ArchwrightSemanticTokenProvider } from '../../server/src/lsp/semantic-tokens.js';
import type { ArchwrightServices } from '../../server/src/module.js';
import { loadFixtures, mutate, Random } from '../fuzz/mutations.js';
import { loadWorkspace } from '../helpers.js';

const example = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

/** Each coloured token as `text type`, `text type declaration` for the id of a declaration, in order. */
async function colours(text: string): Promise<string[]> {
    const ws = await loadWorkspace({ 'model.arch': text });
    const doc = ws.doc('model.arch');
    const provider = ws.services.lsp.SemanticTokenProvider!;
    const tokens = await provider.semanticHighlight(doc, { textDocument: { uri: doc.uri.toString() } });
    const declaration = provider.tokenModifiers['declaration'];
    return SemanticTokensDecoder.decode(tokens, provider.tokenTypes, doc)
        .map(t => `${t.text} ${t.tokenType}${t.tokenModifiers & declaration ? ' declaration' : ''}`);
}

describe('semantic tokens', () => {
    it('colours the id of each kind of declaration by its kind, marked as a declaration', async () => {
        const text = 'requirement r\nconstraint c\ndata d\nsystem s {\n  service a\n}\ndeployment p {\n  region eu {\n    zone z {\n      node n\n    }\n  }\n}\ndecision adr\nview v requirements\n';
        expect((await colours(text)).filter(t => t.endsWith('declaration'))).toEqual([
            'r interface declaration', 'c type declaration', 'd struct declaration', 's class declaration', 'a class declaration',
            'p namespace declaration', 'eu namespace declaration', 'z namespace declaration', 'n variable declaration',
            'adr event declaration', 'v function declaration'
        ]);
    });

    it('colours a reference like what it names, and an unresolved one as a variable', async () => {
        expect(await colours('requirement r\ndata d\nservice a { satisfies r }\nservice b\na -> b { carries d }\nb -> nowhere\n')).toEqual([
            'requirement keyword', 'r interface declaration', 'data keyword', 'd struct declaration',
            'service keyword', 'a class declaration', 'satisfies property', 'r interface',
            'service keyword', 'b class declaration',
            'a class', '-> operator', 'b class', 'carries property', 'd struct',
            'b class', '-> operator', 'nowhere variable'
        ]);
    });

    it('colours keywords used as ids as ids, not as keywords', async () => {
        expect(await colours('service data "Data"\nservice production\ndata -> production\n')).toEqual([
            'service keyword', 'data class declaration', '"Data" string',
            'service keyword', 'production class declaration',
            'data class', '-> operator', 'production class'
        ]);
    });

    it('colours property words as properties and enumerated values as enum members', async () => {
        expect(await colours('architecture "A" {\n  stage production\n  rule missing-tracing warning\n}\n')).toEqual([
            'architecture keyword', '"A" string', 'stage property', 'production enumMember',
            'rule property', 'missing-tracing decorator', 'warning enumMember'
        ]);
        expect(await colours('service a {\n  scaling horizontal min 2 max 10\n  monitoring metrics logs\n  link "https://x"\n}\n')).toEqual([
            'service keyword', 'a class declaration', 'scaling property', 'horizontal enumMember', 'min keyword', '2 number',
            'max keyword', '10 number', 'monitoring property', 'metrics enumMember', 'logs enumMember', 'link property', '"https://x" string'
        ]);
    });

    it('colours view forms as keywords, rule ids as decorators, and `*` as an operator', async () => {
        const text = 'system s\ndecision old\ndecision adr { status superseded by old }\nview v "V" of s { allow some-rule "why" }\nview all { include * }\n';
        expect((await colours(text)).slice(4)).toEqual([
            'decision keyword', 'adr event declaration', 'status property', 'superseded enumMember', 'by keyword', 'old event',
            'view keyword', 'v function declaration', '"V" string', 'of keyword', 's class', 'allow property', 'some-rule decorator', '"why" string',
            'view keyword', 'all function declaration', 'include property', '* operator'
        ]);
    });

    it('colours numbers, percentages, durations and instance counts as numbers', async () => {
        const text = 'requirement r { target 99.95% }\ndatabase db { replicas 2 backup daily retain 30d }\ndeployment p { node n { runs db x2 } }\n';
        expect((await colours(text)).filter(t => t.endsWith(' number'))).toEqual(['99.95% number', '2 number', '30d number', 'x2 number']);
    });

    it('colours every declared id of the design example as a declaration, and none as a keyword', async () => {
        const tokens = await colours(example);
        const declared = tokens.filter(t => t.endsWith(' declaration')).map(t => t.split(' ')[0]);
        const root = (await loadWorkspace({ 'shop.arch': example })).doc('shop.arch').parseResult.value;
        const named = AstUtils.streamAllContents(root).filter(isNamed).map(node => node.name).toArray();
        expect(named).toHaveLength(35);
        expect(declared).toEqual(named);
        expect(tokens).not.toContain('production keyword');
        expect(tokens).toContain('production namespace');
        // A text block is one string, coloured line by line (as clients without multi-line tokens need).
        expect(tokens.filter(t => /Takes|fulfilment|"""/.test(t))).toEqual([
            '""" string', '      Takes orders, charges cards through Stripe string', '      and publishes an event for fulfilment. string', '    """ string'
        ]);
    });
});

/** The colouring with Langium's own walk of the AST (a stream, an await per node), as it was before. */
class WithLangiumsWalk extends ArchwrightSemanticTokenProvider {
    protected override computeHighlighting(...args: Parameters<ArchwrightSemanticTokenProvider['computeHighlighting']>): Promise<void> {
        return (AbstractSemanticTokenProvider.prototype as unknown as { computeHighlighting: (...a: typeof args) => Promise<void> }).computeHighlighting.apply(this, args);
    }
}

describe('semantic tokens from our own walk of the AST', () => {
    it('are those of Langium\'s walk, for the whole file and for ranges of it, on the fixtures and 60 mutations', async () => {
        const fixtures = loadFixtures();
        const random = new Random(20261126);
        const texts = [...fixtures, ...Array.from({ length: 60 }, () => mutate(random.pick(fixtures), random, fixtures).text)];
        for (const text of texts) {
            const ws = await loadWorkspace({ 'model.arch': text });
            const doc = ws.doc('model.arch');
            const ours = ws.services.lsp.SemanticTokenProvider!;
            const theirs = new WithLangiumsWalk(ws.services as ArchwrightServices);
            const textDocument = { uri: doc.uri.toString() };
            expect((await ours.semanticHighlight(doc, { textDocument })).data).toEqual((await theirs.semanticHighlight(doc, { textDocument })).data);
            const lines = doc.textDocument.lineCount;
            for (const [from, to] of [[0, 5], [Math.floor(lines / 3), Math.floor(lines / 2)], [lines - 3, lines + 1]]) {
                const range = { start: { line: Math.max(0, from), character: 2 }, end: { line: to, character: 0 } };
                expect((await ours.semanticHighlightRange(doc, { textDocument, range })).data, `${from}-${to}`)
                    .toEqual((await theirs.semanticHighlightRange(doc, { textDocument, range })).data);
            }
        }
    }, 60_000);
});

