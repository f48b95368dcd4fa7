import { AstUtils, DefaultCommentProvider, EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createArchwrightServices } from '../../server/src/module.js';
import { loadFixtures, mutate, Random } from '../fuzz/mutations.js';

const { Archwright } = createArchwrightServices(EmptyFileSystem);
const langiums = new DefaultCommentProvider(Archwright);

describe('comments as documentation', () => {
    it('finds the comment before every node as Langium does, in the fixtures and 100 mutations of them', () => {
        const fixtures = loadFixtures();
        const random = new Random(11);
        const texts = [...fixtures, '/** The shop. */\nsystem shop "Shop" {\n  // Takes orders.\n  service orders "Orders"\n}\n/* Pays. */ service pay\n'];
        // A block comment before the first token of every line of each fixture.
        texts.push(...fixtures.map(text => text.replace(/^([ \t]*)(\S)/gm, (_, indent: string, first: string) => `${indent}/* note */ ${first}`)));
        for (let i = 0; i < 100; i++) texts.push(mutate(random.pick(texts), random, fixtures).text);
        let comments = 0;
        for (const text of texts) {
            const root = Archwright.parser.LangiumParser.parse(text).value;
            for (const node of [root, ...AstUtils.streamAllContents(root)]) {
                const expected = langiums.getComment(node);
                expect(Archwright.documentation.CommentProvider.getComment(node)).toBe(expected);
                if (expected) comments++;
            }
        }
        expect(comments).toBeGreaterThan(200);
    });
});
