import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { minOf } from '../util/arrays.js';

/** Turns `"""..."""` blocks into their text: blank first and last lines dropped, common indentation removed. */
export class ArchwrightValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'TEXT_BLOCK') return textBlockValue(input);
        if (rule.name === 'STRING') return ValueConverter.convertString(input);
        return super.runConverter(rule, input, cstNode);
    }
}

export function textBlockValue(input: string): string {
    const lines = input.slice(3, -3).split(/\r?\n/);
    if (lines.length > 1 && lines[0].trim() === '') lines.shift();
    if (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
    const indents = lines.filter(l => l.trim() !== '').map(l => /^[ \t]*/.exec(l)![0].length);
    const common = minOf(indents, 0);
    return lines.map(l => l.slice(common)).join('\n');
}
