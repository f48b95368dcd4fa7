import { AstUtils, DefaultCommentProvider, EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createArchwrightServices } from '../../server/src/module.js';
import { loadFixtures, mutate, Random } from '../fuzz/mutations.js';
import { loadWorkspace } from '../helpers.js';

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

    it('follows edits of the comments, before top-level declarations and nested elements, and edits next to them', async () => {
        // The provider keeps each node's comment while the node lives: every edit here must leave
        // it saying what Langium's provider says of the tree as it is after the edit.
        let text = '// The shop.\nsystem shop "Shop" {\n  // Takes orders.\n  service orders "Orders" {\n    technology "Go"\n  }\n  service pay "Pay"\n}\nservice mail "Mail"\n';
        const edits: ((t: string) => string)[] = [
            t => t.replace('// Takes orders.', '// Takes and keeps orders.'),
            t => t.replace('technology "Go"', 'technology "Go 1.24"'),
            t => t.replace('  service pay', '  /* Pays. */\n  service pay'),
            t => t.replace('"Pay"', '"Payments"'),
            t => t.replace('service mail', '// Sends mail.\nservice mail'),
            t => t.replace('// The shop.\n', ''),
            t => t.replace('  /* Pays. */\n', ''),
            t => t.replace('"Orders"', '"All orders"')
        ];
        const ws = await loadWorkspace({ 'a.arch': text });
        const provider = ws.services.documentation.CommentProvider;
        const compare = () => {
            const root = ws.current('a.arch').parseResult.value;
            for (const node of AstUtils.streamAst(root)) expect(provider.getComment(node), `${node.$type} in ${text}`).toBe(langiums.getComment(node));
        };
        compare();
        for (const edit of edits) {
            await ws.write('a.arch', text = edit(text));
            compare();
        }
    });
});
