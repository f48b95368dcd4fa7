import { readdirSync, readFileSync } from 'node:fs';
import { isLeafCstNode, CstUtils, TextDocument, type LangiumDocument } from 'langium';
import type { FormattingOptions, Range } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../helpers.js';

const example = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');
const conformance = new URL('../../../shared/conformance/cases/', import.meta.url);
const conformanceFiles = readdirSync(conformance, { recursive: true, encoding: 'utf8' })
    .filter(name => name.endsWith('.arch'))
    .map(name => ({ name, text: readFileSync(new URL(name, conformance), 'utf8') }));

const editorOptions: FormattingOptions = { tabSize: 4, insertSpaces: true };

async function parsed(text: string): Promise<LangiumDocument> {
    return (await loadWorkspace({ 'model.arch': text })).doc('model.arch');
}

/** The text after the editor applies the formatter's edits. */
async function format(text: string, options = editorOptions, range?: Range): Promise<string> {
    const ws = await loadWorkspace({ 'model.arch': text });
    const doc = ws.doc('model.arch');
    const formatter = ws.services.lsp.Formatter!;
    const textDocument = { uri: doc.uri.toString() };
    const edits = range
        ? await formatter.formatDocumentRange(doc, { textDocument, options, range })
        : await formatter.formatDocument(doc, { textDocument, options });
    return TextDocument.applyEdits(doc.textDocument, edits);
}

/** Every token of the file but whitespace, comments included, in order. */
async function tokens(text: string): Promise<string[]> {
    const root = (await parsed(text)).parseResult.value.$cstNode!;
    return CstUtils.streamCst(root).filter(isLeafCstNode).map(leaf => leaf.text).toArray();
}

function hasSyntaxErrors(doc: LangiumDocument): boolean {
    return doc.parseResult.lexerErrors.length + doc.parseResult.parserErrors.length > 0;
}

/**
 * The example with its layout spoiled: odd indentation with tabs, extra blank lines, extra spaces,
 * `a->b`, ` ,` and `{` on its own line. Strings, comments and text blocks keep their text, so that
 * the tokens stay the same.
 */
function messUp(text: string): string {
    let inTextBlock = false;
    return text.split('\n').map((line, i) => {
        const textBlockLine = inTextBlock || line.includes('"""');
        if ((line.match(/"""/g) ?? []).length % 2 === 1) inTextBlock = !inTextBlock;
        if (textBlockLine) return line;
        if (line.trim() === '') return '\n\n';
        const body = line.trim().startsWith('//') ? line.trim() : spoil(line.trim());
        // Trailing spaces after a line comment belong to the comment: only code lines get them.
        const trailing = i % 3 === 0 && !body.includes('//') ? '   ' : '';
        return ['', '\t', '   ', '      ', ' \t '][i % 5] + body + trailing;
    }).join('\n') + '\n\n\n';
}

/**
 * The text with every run of spaces and tabs between tokens replaced by another (one to three
 * spaces or tabs, chosen by a fixed sequence), lines and tokens kept as they are.
 */
async function respace(text: string): Promise<string> {
    const root = (await parsed(text)).parseResult.value.$cstNode!;
    const runs = ['\t', '   ', ' ', ' \t', '  '];
    let out = '', end = 0, n = 0;
    for (const leaf of CstUtils.streamCst(root).filter(isLeafCstNode)) {
        out += text.slice(end, leaf.offset).replace(/[ \t]+/g, () => runs[n++ % runs.length]) + leaf.text;
        end = leaf.end;
    }
    return out + text.slice(end);
}

/** Spoils the spacing of code before its first string or comment, and puts a final `{` on a line of its own. */
function spoil(line: string): string {
    const cut = line.search(/["/]/);
    const code = cut < 0 ? line : line.slice(0, cut);
    const spoiled = code.replace(/ -> /g, '->').replace(/, /g, ' ,   ').replace(/ /g, '  ');
    return (spoiled + (cut < 0 ? '' : line.slice(cut))).replace(/ +\{$/, '\n{');
}

describe('formatting', () => {
    it('leaves the design example exactly as it is: it is the canonical layout', async () => {
        expect(await format(example)).toBe(example);
    });

    it('formats a messy version of the design example to the example', async () => {
        const messy = messUp(example);
        expect(messy).not.toBe(example);
        expect(await tokens(messy)).toEqual(await tokens(example));
        expect(await format(messy)).toBe(example);
    });

    it('changes nothing when formatting a second time', async () => {
        const once = await format(messUp(example));
        expect(await format(once)).toBe(once);
        for (const file of conformanceFiles) {
            const formatted = await format(file.text);
            expect(await format(formatted), file.name).toBe(formatted);
        }
    });

    it('keeps every token, comments included, in every fixture that parses', async () => {
        const fixtures = [{ name: 'example.arch', text: example }, ...conformanceFiles];
        let checked = 0;
        for (const file of fixtures) {
            if (hasSyntaxErrors(await parsed(file.text))) continue;
            expect(await tokens(await format(file.text)), file.name).toEqual(await tokens(file.text));
            checked++;
        }
        expect(checked).toBeGreaterThanOrEqual(9);
    });

    it('formats any re-spacing of a fixture, within its lines, to the same text as the fixture', async () => {
        for (const file of [{ name: 'example.arch', text: example }, ...conformanceFiles]) {
            if (hasSyntaxErrors(await parsed(file.text))) continue;
            const respaced = await respace(file.text);
            expect(respaced, file.name).not.toBe(file.text);
            expect(await format(respaced), file.name).toBe(await format(file.text));
        }
    });

    it('gives a file with a syntax error no edits', async () => {
        const broken = conformanceFiles.find(file => file.name.includes('syntax-error'))!;
        expect(hasSyntaxErrors(await parsed(broken.text))).toBe(true);
        expect(await format(broken.text)).toBe(broken.text);
        expect(await format('service   a "A" {\n technology = "Go"\n}\n')).toBe('service   a "A" {\n technology = "Go"\n}\n');
    });

    it('puts one property per line, two spaces in, and } on its own line', async () => {
        expect(await format('service a "A" { technology "Go"   owner "team" replicas 2 }'))
            .toBe('service a "A" {\n  technology "Go"\n  owner "team"\n  replicas 2\n}\n');
    });

    it('indents nested blocks one level each, whatever the editor\'s tab settings', async () => {
        const text = 'system s {\nservice a {\nowner "x"\n}\n}\n';
        const expected = 'system s {\n  service a {\n    owner "x"\n  }\n}\n';
        expect(await format(text)).toBe(expected);
        expect(await format(text, { tabSize: 8, insertSpaces: false })).toBe(expected);
    });

    it('writes an empty block as { }', async () => {
        expect(await format('service a "A" {\n\n}\nservice b {}\n')).toBe('service a "A" { }\nservice b { }\n');
    });

    it('spaces flows, lists and dotted paths', async () => {
        expect(await format('system s { service a\nservice b }\ns . a->s.b   "calls"{carries x ,y,z}\ndata x\ndata y\ndata z\n'))
            .toBe('system s {\n  service a\n  service b\n}\ns.a -> s.b "calls" {\n  carries x, y, z\n}\ndata x\ndata y\ndata z\n');
    });

    it('keeps blank lines between declarations and members, but at most one', async () => {
        expect(await format('\n\nperson a\n\n\n\nperson b\nperson c\nsystem s {\n\n  service x\n\n\n  service y\n\n}\n'))
            .toBe('person a\n\nperson b\nperson c\nsystem s {\n  service x\n\n  service y\n}\n');
    });

    it('keeps a line comment on the line of the token before it', async () => {
        expect(await format('b -> c "asks" { protocol gRPC }   // expect: sync-cycle\nservice b { technology "Go" // why\n}\nservice c\n'))
            .toBe('b -> c "asks" {\n  protocol gRPC\n} // expect: sync-cycle\nservice b {\n  technology "Go" // why\n}\nservice c\n');
    });

    it('indents comments on their own line like the code they sit in', async () => {
        expect(await format('// head\nsystem s {\n// parts\n      service a // first\n    // last\n}\n\n\n   // tail\n'))
            .toBe('// head\nsystem s {\n  // parts\n  service a // first\n  // last\n}\n\n// tail\n');
    });

    it('keeps a block comment exactly as written, moving only its first line', async () => {
        const comment = '/* Why:\n      kept\n   as is */';
        expect(await format(`system s {\n      ${comment}\n service a\n}\n`)).toBe(`system s {\n  ${comment}\n  service a\n}\n`);
    });

    it('puts one space after a comment between tokens, and leaves a token after a // comment on its own line', async () => {
        expect(await format('service a /* x */   "A" {\n  technology /* y */  "Go"\n}\n'))
            .toBe('service a /* x */ "A" {\n  technology /* y */ "Go"\n}\n');
        // Joined to the comment's line, "Go" would become part of the comment.
        const lineComment = 'service a "A" {\n  technology // why\n    "Go"\n}\n';
        const dotted = 'system a {\n  service b\n}\na.b // c\n  .d -> a\n';
        for (const text of [lineComment, dotted]) {
            expect(hasSyntaxErrors(await parsed(text))).toBe(false);
            expect(await format(text)).toBe(text);
        }
    });

    it('formats a file of thousands of declarations and a long list in one pass, the same as a small one', async () => {
        const many = Array.from({ length: 3_000 }, (_, i) => `service s${i}   "S${i}" {   technology "Go"   }`).join('\n') + '\n';
        const expected = Array.from({ length: 3_000 }, (_, i) => `service s${i} "S${i}" {\n  technology "Go"\n}`).join('\n') + '\n';
        expect(await format(many)).toBe(expected);
        const tags = Array.from({ length: 5_000 }, (_, i) => `"t${i}"`);
        expect(await format(`service a {\n tags ${tags.join(' ,')}\n}`)).toBe(`service a {\n  tags ${tags.join(', ')}\n}\n`);
    });

    it('never touches the text of a """ text block', async () => {
        const block = '"""\n      one\n    two\n         """';
        expect(await format(`service a {\n      description    ${block}\n}\n`)).toBe(`service a {\n  description ${block}\n}\n`);
    });

    it('formats only the whitespace that starts in the lines of a range when asked', async () => {
        const text = 'person   a\nperson   b\nperson   c\n';
        const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } };
        expect(await format(text, editorOptions, range)).toBe('person   a\nperson b\nperson   c\n');
        const nested = 'system s {\nservice a {\nowner   "x"\n}\nservice   b\n}\n';
        const inner = { start: { line: 2, character: 0 }, end: { line: 2, character: 12 } };
        expect(await format(nested, editorOptions, inner)).toBe('system s {\nservice a {\n    owner "x"\n  }\nservice   b\n}\n');
    });
});
