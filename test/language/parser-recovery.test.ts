import { AstUtils, createCompletionParser, createLangiumParser, EmptyFileSystem, isAstNode, type AstNode, type LangiumParser, type ParseResult } from 'langium';
import { describe, expect, it } from 'vitest';
import { createArchwrightServices } from '../../server/src/module.js';
import { loadFixtures, mutate, Random } from '../fuzz/mutations.js';
import { plainTree } from '../helpers.js';

// Archwright's parser changes how Chevrotain recovers from syntax errors (it remembers which tokens
// may follow a place in the grammar, and records no stack traces), not what it recovers to: on
// broken text it must give exactly what Langium's own parser gives.
const { Archwright } = createArchwrightServices(EmptyFileSystem);
const ours = Archwright.parser.LangiumParser;
const langiums: LangiumParser = createLangiumParser(Archwright);

/** The errors and the syntax tree of a parse, as plain data. */
function outcome(result: ParseResult<AstNode>) {
    return {
        lexerErrors: result.lexerErrors.map(e => `${e.offset}:${e.length} ${e.message}`),
        parserErrors: result.parserErrors.map(e => `${e.name} ${e.token.startOffset} ${e.token.image} ${e.message}`),
        tree: plainTree(result.value)
    };
}

describe('parser error recovery', () => {
    it('recovers from every error as Langium does, on 200 seeded mutations of the fixtures', () => {
        const fixtures = loadFixtures();
        const random = new Random(20261125);
        let broken = 0;
        for (let i = 0; i < 200; i++) {
            const text = mutate(random.pick(fixtures), random, fixtures).text;
            const mine = outcome(ours.parse(text));
            expect(mine, `mutation ${i}`).toEqual(outcome(langiums.parse(text)));
            if (mine.parserErrors.length > 0) broken++;
        }
        expect(broken).toBeGreaterThan(50);
    });

    it("links every node to its container, as Langium's parser does", () => {
        const fixtures = loadFixtures();
        const random = new Random(20261126);
        const texts = [...fixtures, ...Array.from({ length: 100 }, () => mutate(random.pick(fixtures), random, fixtures).text)];
        let children = 0;
        for (const text of texts) {
            const root = ours.parse(text).value;
            expect(root.$container).toBeUndefined();
            for (const node of AstUtils.streamAst(root)) {
                for (const [property, value] of Object.entries(node)) {
                    if (property.startsWith('$')) continue;
                    const items = Array.isArray(value) ? value : [value];
                    items.forEach((item, index) => {
                        if (!isAstNode(item)) return;
                        children++;
                        expect(item.$container).toBe(node);
                        expect(item.$containerProperty).toBe(property);
                        expect(item.$containerIndex).toBe(Array.isArray(value) ? index : undefined);
                    });
                }
            }
            expect(plainTree(root)).toEqual(plainTree(langiums.parse(text).value));
        }
        expect(children).toBeGreaterThan(10_000);
    });

    it('recovers the same way from thousands of errors in one file', () => {
        const text = 'service s "S" {\n' + '  tags "a", \n'.repeat(2_000) + '}\nservice t "T" { technology }\na -> \n';
        const mine = outcome(ours.parse(text));
        expect(mine.parserErrors.length).toBeGreaterThan(2_000);
        expect(mine).toEqual(outcome(langiums.parse(text)));
    });

    it('tells completion what may follow, as Langium does, at 300 places in broken text', () => {
        const fixtures = loadFixtures();
        const random = new Random(7);
        const theirs = createCompletionParser(Archwright);
        for (let i = 0; i < 300; i++) {
            const text = mutate(random.pick(fixtures), random, fixtures).text;
            const prefix = text.slice(0, random.int(text.length + 1));
            const mine = Archwright.parser.CompletionParser.parse(prefix);
            const expected = theirs.parse(prefix);
            expect(mine.tokenIndex, `place ${i}`).toBe(expected.tokenIndex);
            expect(mine.elementStack.length, `place ${i}`).toBe(expected.elementStack.length);
            mine.elementStack.forEach((element, j) => expect(element, `place ${i}`).toBe(expected.elementStack[j]));
        }
        const line = 'service s "S" { ' + 'tags "a", '.repeat(2_000);
        expect(Archwright.parser.CompletionParser.parse(line).tokenIndex).toBe(theirs.parse(line).tokenIndex);
    });

    it('leaves stack traces on for everything else', () => {
        const limit = Error.stackTraceLimit;
        ours.parse('service s "S" { tags "a", tags }');
        expect(Error.stackTraceLimit).toBe(limit);
        expect(new Error('after').stack).toContain('parser-recovery.test');
    });
});
