import { DefaultLexer, EmptyFileSystem } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { archwrightFiles, plan } from '../../bench/generate.mjs';
import { createArchwrightServices } from '../../server/src/module.js';
import type { ArchwrightLexer } from '../../server/src/language/lexer.js';
import { loadFixtures, mutate, Random } from '../fuzz/mutations.js';
import { repositoryArchTexts } from '../helpers.js';

// The lexer makes the tokens of ordinary text by hand (server/src/language/lexer.ts): they must be
// Chevrotain's tokens, field for field, token type for token type, comments included; text it is
// not sure of goes to Chevrotain.
const { Archwright } = createArchwrightServices(EmptyFileSystem);
const lexer = Archwright.parser.Lexer as ArchwrightLexer;
/** Langium's own lexer (Chevrotain), with the same token types. */
const chevrotain = { tokenize: (text: string) => DefaultLexer.prototype.tokenize.call(lexer, text) };

/** Whether the hand-made tokens were made, and then equal Chevrotain's. */
function check(text: string, label: string): boolean {
    const mine = lexer.tokenizeByHand(text);
    const theirs = chevrotain.tokenize(text);
    if (!mine) return false;
    expect(theirs.errors, `${label}: lexed by hand, but Chevrotain finds errors`).toEqual([]);
    // Every field, in Chevrotain's order; the token types are the lexer's own objects.
    const fields = (tokens: IToken[]) => tokens.map(t => Object.entries(t).map(([k, v]) => (k === 'tokenType' ? (v as TokenType).name : `${k}=${String(v)}`)).join(' '));
    expect(fields(mine.tokens), label).toEqual(fields(theirs.tokens));
    expect(fields(mine.hidden), label).toEqual(fields(theirs.hidden));
    expect(mine.tokens.every((t, i) => t.tokenType === theirs.tokens[i].tokenType) && mine.hidden.every((t, i) => t.tokenType === theirs.hidden[i].tokenType), label).toBe(true);
    return true;
}

describe('the lexer', () => {
    it("makes Chevrotain's tokens for every file of the repository and the M model", () => {
        let byHand = 0;
        for (const { file, text } of repositoryArchTexts()) if (check(text, file)) byHand++;
        expect(byHand).toBeGreaterThan(10);
        for (const [path, text] of archwrightFiles(plan('M'))) expect(check(text, path), path).toBe(true);
    });

    it('agrees with Chevrotain on 1,500 mutations of the fixtures', () => {
        const fixtures = loadFixtures();
        const random = new Random(20261128);
        let byHand = 0;
        for (let i = 0; i < 1_500; i++) if (check(mutate(random.pick(fixtures), random, fixtures).text, `mutation ${i}`)) byHand++;
        expect(byHand).toBeGreaterThan(700);
    });

    it('agrees on line breaks, numbers, keywords, ids, strings, text blocks and comments', () => {
        const texts = [
            'a\r\nb\rc\n\rd\r\r\ne', 'x /* a\r\nb\rc\n */ y // z\r\nw', 'd """\r\n  x\r\n  """ e """""" f """""""" g',
            '1 12% 1.5% 1.5 1.x 30d 30days 5m 5mx 7y_ 2h', 'service services service-x at-rest at-rest-x at-x-y PCI-DSS SOC2 ISO27001x',
            'a->b a-b->c a.b.c -> d, e * { } ', '"a\\"b" "\\\\" "" "x\\ty" "\u2028"', '\t\v\f x', '',
            '/**/ /* * / */ //', 'view v sequence { a -> b "x" }'
        ];
        for (const [i, text] of texts.entries()) expect(check(text, `text ${i}: ${JSON.stringify(text)}`), JSON.stringify(text)).toBe(true);
    });

    it("leaves to Chevrotain what it is not sure of, and Langium's lexer then gives Chevrotain's answer", () => {
        const texts = ['a ~ b', 'a\u00a0b', 'é', '"open', '"a\\\nb"', '"""open', '/* open', 'a / b', 'a - b', '"a\nb"'];
        for (const text of texts) {
            expect(lexer.tokenizeByHand(text), JSON.stringify(text)).toBeUndefined();
            const a = lexer.tokenize(text), b = chevrotain.tokenize(text);
            expect(a.tokens.map(t => Object.entries(t))).toEqual(b.tokens.map(t => Object.entries(t)));
            expect(a.errors).toEqual(b.errors);
        }
    });
});
