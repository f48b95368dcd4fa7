import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// language-configuration.json is read by VS Code, not by our code: these tests check that its
// patterns do what the editor relies on them for.

const config = JSON.parse(readFileSync(new URL('../../language-configuration.json', import.meta.url), 'utf8'));

/** The word VS Code selects on a double-click at `column` (its use of `wordPattern`). */
function wordAt(line: string, column: number): string | undefined {
    for (const match of line.matchAll(new RegExp(config.wordPattern, 'g'))) {
        if (match.index <= column && column < match.index + match[0].length) return match[0];
    }
    return undefined;
}

describe('language configuration', () => {
    it('selects a whole kebab-case id on double-click', () => {
        const line = '  database orders-db "Orders" {';
        expect(wordAt(line, line.indexOf('-db') + 1)).toBe('orders-db');
        expect(wordAt('  runs eu-west-1a', 12)).toBe('eu-west-1a');
    });

    it('selects each end of a flow written without spaces', () => {
        expect(wordAt('a->b', 0)).toBe('a');
        expect(wordAt('a->b', 3)).toBe('b');
        expect(wordAt('a->b', 1)).toBeUndefined();
    });

    it('selects a number with its unit', () => {
        expect(wordAt('  target 99.95%', 10)).toBe('99.95%');
        expect(wordAt('  backup daily retain 30d', 23)).toBe('30d');
    });

    it('indents after an opening brace and outdents a closing one', () => {
        const increase = new RegExp(config.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
        expect(increase.test('service orders "Orders" {')).toBe(true);
        expect(increase.test('data card "x" { class payment }')).toBe(false);
        expect(increase.test('// a comment with {')).toBe(false);
        expect(decrease.test('  }')).toBe(true);
        const braceRule = config.onEnterRules.find((r: { afterText?: string; action: { indent: string } }) => r.action.indent === 'indentOutdent' && r.afterText === '^\\s*\\}');
        expect(new RegExp(braceRule.beforeText).test('system shop "Shop" {')).toBe(true);
    });

    it('knows the comment markers and closes quotes and brackets', () => {
        expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        const opens = config.autoClosingPairs.map((p: { open: string }) => p.open);
        expect(opens).toEqual(expect.arrayContaining(['{', '[', '(', '"']));
    });
});
