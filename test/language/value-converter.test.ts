import { DefaultValueConverter, EmptyFileSystem, GrammarAST, ValueConverter, type CstNode, type ValueType } from 'langium';
import { describe, expect, it } from 'vitest';
import { createArchwrightServices } from '../../server/src/module.js';
import { stringValue, textBlockValue } from '../../server/src/language/value-converter.js';
import { loadFixtures } from '../fuzz/mutations.js';

/** What the converter did before it remembered each element's rule: Langium's, with STRING and TEXT_BLOCK our own. */
class Reference extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'TEXT_BLOCK') return textBlockValue(input);
        if (rule.name === 'STRING') return ValueConverter.convertString(input);
        return super.runConverter(rule, input, cstNode);
    }
}

describe('the value converter', () => {
    it("converts every node of the fixtures as Langium's converter (with our terminals) does", () => {
        const { Archwright } = createArchwrightServices(EmptyFileSystem);
        const converter = Archwright.parser.ValueConverter;
        const reference = new Reference();
        let compared = 0;
        for (const text of loadFixtures()) {
            const visit = (node: CstNode) => {
                if (node.grammarSource && !node.hidden) {
                    expect(converter.convert(node.text, node)).toEqual(reference.convert(node.text, node));
                    compared++;
                }
                for (const child of (node as { content?: CstNode[] }).content ?? []) visit(child);
            };
            visit(Archwright.parser.LangiumParser.parse(text).value.$cstNode!);
        }
        expect(compared).toBeGreaterThan(2_000);
    });

    it("reads a string's text as Langium's convertString does, escapes and all", () => {
        const cases = ['""', '"a"', '"twelve chars"', '"a title longer than twelve characters"', '"tab\\there"', '"\\n\\t\\r\\b\\f\\v\\0"',
            '"quote \\" inside"', '"ends in an escape\\"', '"\\\\"', '"x\\q"', '"\\"', '"', '"écrit à la main"'];
        let seed = 20261126;
        const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
        const alphabet = 'ab \\"ntrbfv0é😀';
        for (let i = 0; i < 2_000; i++) cases.push('"' + Array.from({ length: random(40) }, () => alphabet[random(alphabet.length)]).join('') + '"');
        for (const input of cases) expect(stringValue(input), input).toBe(ValueConverter.convertString(input));
    });
});
