import { DefaultValueConverter, GrammarAST, GrammarUtils, ValueConverter, type CstNode, type ValueType } from 'langium';
import { minOf } from '../util/arrays.js';

/** Turns `"""..."""` blocks into their text: blank first and last lines dropped, common indentation removed. */
export class ArchwrightValueConverter extends DefaultValueConverter {
    /** The rule each grammar element converts with (null: none), as Langium's `convert` finds it. */
    private readonly rules = new Map<GrammarAST.AbstractElement, GrammarAST.AbstractRule | null>();
    private readonly kinds = new Map<GrammarAST.AbstractRule, string>();

    /**
     * Langium's `convert`, with the rule found once per grammar element: Langium asks the AST
     * reflection whether the element is a cross-reference and a rule call for every value parsed,
     * a tenth of the parser's own time.
     */
    override convert(input: string, cstNode: CstNode): ValueType {
        const feature = cstNode.grammarSource;
        if (!feature) return input;
        let rule = this.rules.get(feature);
        if (rule === undefined) {
            const terminal = GrammarAST.isCrossReference(feature) ? GrammarUtils.getCrossReferenceTerminal(feature) : feature;
            if (GrammarAST.isRuleCall(terminal)) {
                rule = terminal.rule.ref;
                if (!rule) throw new Error('This cst node was not parsed by a rule.');
            } else {
                rule = null;
            }
            this.rules.set(feature, rule);
        }
        return rule ? this.runConverter(rule, input) : input;
    }

    /** Langium's `runConverter` with how each rule converts worked out once (it upper-cased the rule's name for every value). */
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string): ValueType {
        let kind = this.kinds.get(rule);
        if (kind === undefined) {
            kind = conversionOf(rule);
            this.kinds.set(rule, kind);
        }
        switch (kind) {
            case 'TEXT_BLOCK': return textBlockValue(input);
            case 'STRING': return stringValue(input);
            case 'INT': return ValueConverter.convertInt(input);
            case 'ID': return ValueConverter.convertID(input);
            case 'number': return ValueConverter.convertNumber(input);
            case 'boolean': return ValueConverter.convertBoolean(input);
            case 'bigint': return ValueConverter.convertBigint(input);
            case 'date': return ValueConverter.convertDate(input);
            default: return input;
        }
    }
}

/** How a rule's values convert: this converter's terminals, then Langium's by name, then by the rule's type. */
function conversionOf(rule: GrammarAST.AbstractRule): string {
    if (rule.name === 'TEXT_BLOCK' || rule.name === 'STRING') return rule.name;
    const name = rule.name.toUpperCase();
    if (name === 'INT' || name === 'STRING' || name === 'ID') return name;
    return GrammarUtils.getRuleType(rule)?.toLowerCase() ?? '';
}

/**
 * Langium's `convertString`: the text between the quotes with each escape replaced by the character
 * it stands for (`\n`, `\t` and the like; any other escaped character stands for itself). Langium
 * adds one character at a time, which in V8 makes a chain of one string per character past the
 * twelfth: a title kept that way costs some thirty times its length. Here the text is cut in one
 * piece, or in runs between escapes.
 */
export function stringValue(input: string): string {
    const end = input.length - 1;
    let escape = input.indexOf('\\', 1);
    if (escape < 0 || escape >= end) return input.slice(1, end);
    const parts: string[] = [];
    let from = 1;
    while (escape >= 0 && escape < end) {
        parts.push(input.slice(from, escape), escapedCharacter(input.charAt(escape + 1)));
        from = escape + 2;
        escape = input.indexOf('\\', from);
    }
    if (from < end) parts.push(input.slice(from, end));
    return parts.join('');
}

function escapedCharacter(char: string): string {
    switch (char) {
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        case 'v': return '\v';
        case '0': return '\0';
        default: return char;
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
