import { AstUtils, EmptyFileSystem, isCompositeCstNode, type AstNode, type CstNode, type ParseResult } from 'langium';
import { childrenOf, referencesOf } from '../../server/src/util/ast-walk.js';
import { describe, expect, it } from 'vitest';
import { commonEnds, reparse, reparseCounts } from '../../server/src/language/incremental-parse.js';
import { createArchwrightServices } from '../../server/src/module.js';
import { loadFixtures, mutate, Random } from '../fuzz/mutations.js';
import { plainTree } from '../helpers.js';

// An edit reparses only the declarations it touches (language/incremental-parse.ts). Whatever the
// edit, the tree must be the one a full parse of the new text gives: the same nodes with the same
// values, every token at the same offset, line and column, every node with the same range.
const { Archwright } = createArchwrightServices(EmptyFileSystem);
const parser = Archwright.parser.LangiumParser;
const parse = (text: string, rule?: string) => parser.parse(text, rule ? { rule } : undefined);

/** Every node of the CST, in order: its kind, offset, length, range, grammar, AST node and, for tokens, text. */
function cst(node: CstNode): unknown[] {
    const out: unknown[] = [];
    const visit = (n: CstNode, depth: number): void => {
        const own = (n as { _astNode?: AstNode })._astNode;
        const source = n.grammarSource as { $type: string; rule?: { $refText?: string }; value?: string } | undefined;
        const grammar = source ? `${source.$type}:${source.rule?.$refText ?? source.value ?? ''}` : '-';
        out.push(`${depth} ${isCompositeCstNode(n) ? 'C' : n.hidden ? 'H' : 'L'} ${n.offset}+${n.length} ${JSON.stringify(n.range)} ${grammar} ${own ? own.$type : '-'}${isCompositeCstNode(n) ? '' : ' ' + n.text}`);
        if (isCompositeCstNode(n)) n.content.forEach(child => visit(child, depth + 1));
    };
    visit(node, 0);
    return out;
}

/** Whether every node's container, CST node and references point back to it; the problems found. */
function links(root: AstNode): string[] {
    const problems: string[] = [];
    for (const node of AstUtils.streamAst(root)) {
        const where = `${node.$type} at ${JSON.stringify(node.$cstNode?.range.start)}`;
        if (node.$cstNode?.astNode !== node) problems.push(`${where}: its CST node's AST node is another`);
        for (const child of childrenOf(node)) if (child.$container !== node) problems.push(`${where}: a child's container is another`);
        for (const { reference } of referencesOf(node)) if ((reference as unknown as { node: AstNode }).node !== node) problems.push(`${where}: a reference's node is another`);
    }
    return problems;
}

function outcome(result: ParseResult<AstNode>) {
    return {
        links: links(result.value),
        errors: result.lexerErrors.length + result.parserErrors.length,
        ast: plainTree(result.value),
        cst: cst(result.value.$cstNode!),
        text: result.value.$cstNode!.root.fullText,
        containers: (result.value as AstNode & { declarations: AstNode[] }).declarations.every(d => d.$container === result.value)
    };
}

/** Small edits as typing makes them, anywhere in the text. */
function typing(text: string, random: Random): string {
    const at = random.int(text.length + 1);
    const strings = [...text.matchAll(/"[^"\n\\]*"/g)];
    switch (random.int(9)) {
        case 6: case 7: {
            // A letter typed inside a string (a title, a technology): the text stays valid.
            if (strings.length === 0) return text;
            const string = random.pick(strings);
            const inside = string.index! + 1 + random.int(string[0].length - 1);
            return text.slice(0, inside) + random.pick(['a', ' ', 'Z', '9']) + text.slice(inside);
        }
        case 8: {
            // A line break or spaces at the start of a line.
            const line = text.indexOf('\n', at);
            return line < 0 ? text : text.slice(0, line + 1) + random.pick(['\n', '  ', '\t']) + text.slice(line + 1);
        }
        case 0: return text.slice(0, at) + random.pick(['x', '"', ' ', '\n', '{', '}', '.', '-', '//', '\r\n']) + text.slice(at);
        case 1: return text.slice(0, at) + text.slice(at + 1 + random.int(3));
        case 2: return text.slice(0, at) + random.pick(['\nservice added "Added" {\n  technology "Go"\n}\n', '\n// a comment\n', 'a -> b\n', ' /* c */ ']) + text.slice(at);
        case 3: return text.replace(/"[^"\n]*"/, m => m.slice(0, -1) + 'y"');
        case 4: { const end = at + random.int(200); return text.slice(0, at) + text.slice(end); }
        default: return text.slice(0, at) + text.slice(at, at + 40) + text.slice(at);
    }
}

/** The common start and tail, a character at a time. */
function commonEndsSlowly(a: string, b: string): { start: number; tail: number } {
    const shortest = Math.min(a.length, b.length);
    let start = 0;
    while (start < shortest && a[start] === b[start]) start++;
    let tail = 0;
    while (tail < shortest - start && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
    return { start, tail };
}

/**
 * Applies the edits one after another to the text, each reparsed from the last one's tree, which
 * must be what a full parse gives; `check` sees the trees before and after each edit, and how many
 * elements were reparsed on their own for it.
 */
function typeInTurn(text: string, edits: ((text: string) => string)[], check?: (before: AstNode, after: AstNode, edited: string, elements: number) => void): void {
    let current = parse(text);
    for (const edit of edits) {
        const edited = edit(text);
        expect(edited, 'the edit applies').not.toBe(text);
        const elements = reparseCounts.elements;
        const spliced = reparse(current, edited, parse);
        expect(spliced, edited).toBeDefined();
        expect(outcome(spliced!), edited).toEqual(outcome(parse(edited)));
        check?.(current.value, spliced!.value, edited, reparseCounts.elements - elements);
        text = edited;
        current = spliced!;
    }
}

describe('incremental parsing', () => {
    it('finds where two texts start and stop differing', () => {
        const random = new Random(7);
        const cases: [string, string][] = [['', ''], ['', 'a'], ['abc', 'abc'], ['abc', 'abxc'], ['aaaa', 'aaaaa'], ['abab', 'ab'], ['xy', 'yx']];
        for (let i = 0; i < 500; i++) {
            const base = Array.from({ length: random.int(60) }, () => random.pick(['a', 'b', '\n'])).join('');
            const at = random.int(base.length + 1);
            const cut = at + random.int(base.length - at + 1);
            cases.push([base, base.slice(0, at) + Array.from({ length: random.int(4) }, () => random.pick(['a', 'b', 'c'])).join('') + base.slice(cut)]);
        }
        for (const [a, b] of cases) {
            expect(commonEnds(a, b), JSON.stringify([a, b])).toEqual(commonEndsSlowly(a, b));
            expect(commonEnds(b, a), JSON.stringify([b, a])).toEqual(commonEndsSlowly(b, a));
        }
    });

    it('gives the tree of a full parse after every edit of 40 chains of 25 edits on the fixtures', () => {
        const fixtures = loadFixtures();
        const random = new Random(424242);
        let incremental = 0;
        const elementsBefore = reparseCounts.elements;
        for (let chain = 0; chain < 40; chain++) {
            let text = random.pick(fixtures);
            let current = parse(text);
            for (let step = 0; step < 25; step++) {
                const before = text;
                text = random.next() < 0.8 ? typing(text, random) : mutate(text, random, fixtures).text;
                const spliced = reparse(current, text, parse);
                const full = parse(text);
                if (spliced) {
                    incremental++;
                    expect(outcome(spliced), `chain ${chain}, step ${step}`).toEqual(outcome(full));
                }
                current = spliced ?? full;
                if (full.parserErrors.length + full.lexerErrors.length > 0 && random.next() < 0.95) {
                    // The error is undone, as a user mends what they broke: the chain goes on from valid text.
                    text = before;
                    current = reparse(current, text, parse) ?? parse(text);
                    expect(outcome(current), `chain ${chain}, step ${step}, undone`).toEqual(outcome(parse(text)));
                }
            }
        }
        // Most edits are reparsed in part; the rest (syntax errors before or after) in full.
        expect(incremental).toBeGreaterThan(250);
        expect(reparseCounts.elements - elementsBefore, 'edits within nested elements').toBeGreaterThan(20);
    });

    it('reparses an edit at the very start, at the very end and between declarations', () => {
        const text = '// head\nservice a "A" {\n  technology "Go"\n}\n\nservice b "B"\na -> b "calls"\n// tail\n';
        const edits = [
            '/* new */\n' + text,
            text + 'service c "C"\n',
            text.replace('\n\nservice b', '\n\ndata d "D"\n\nservice b'),
            text.replace('"Go"', '"Go 1.24"\n  owner "team"'),
            text.replace('service b "B"\n', ''),
            text.replace('\r\n', '\n').replace(/\n/g, '\r\n')
        ];
        for (const edited of edits) {
            const spliced = reparse(parse(text), edited, parse);
            expect(spliced, edited).toBeDefined();
            expect(outcome(spliced!)).toEqual(outcome(parse(edited)));
        }
    });

    it('moves what follows an edit on the line where it ends, declarations and comments alike', () => {
        // Several declarations and comments on a line: those after the edit on its last line move
        // along it, those on later lines only down; edits are typed one after another.
        const text = 'service a "A" service b "B" /* c */ service c "C"\nservice d "D" { technology "Go" } // d\n  service e "E" service f "F"\n';
        const edits: ((t: string) => string)[] = [
            t => t.replace('"A"', '"AAAA"'),
            t => t.replace('"B"', '"B  "'),
            t => t.replace('technology "Go"', 'technology "Go 1.24"\n    owner "team"'),
            t => t.replace('service b "B  "', 'service b "B"\nservice b2'),
            t => t.replace('"E"', '"E!"'),
            t => t.replace('service a "AAAA" ', '')
        ];
        typeInTurn(text, edits);
    });

    it('reparses only the element an edit lies in when it is nested in another, keeping the rest of the tree', () => {
        const text = 'system s "S" {\n  service a "A" {\n    technology "Go"\n  }\n  // between\n  system t "T" { service b "B" { owner "x" } }\n  owner "y"\n}\nservice c "C" // end\n// last\n';
        const edits: ((t: string) => string)[] = [
            t => t.replace('"A"', '"A service"'),
            t => t.replace('technology "Go"', 'technology "Go"\n    owner "team"\n'),
            t => t.replace('owner "x"', 'owner "x2" description "d"'),
            t => t.replace('"Go"', '"Go 1.24"'),
            t => t.replace('    owner "team"\n', '')
        ];
        typeInTurn(text, edits, (before, after, edited, elements) => {
            expect(elements, `an element reparsed: ${edited}`).toBe(1);
            // The system holding the edit is a copy; the declaration after it and its untouched members are kept.
            const [was, is] = [before, after].map(root => (root as AstNode & { declarations: (AstNode & { members: AstNode[] })[] }).declarations);
            expect(is[0]).not.toBe(was[0]);
            expect(is[1]).toBe(was[1]);
            expect(was[0].members.filter(m => is[0].members.includes(m)).length).toBeGreaterThan(0);
        });
    });

    it('leaves to a full parse an edit that makes a syntax error, a file with errors, and a lone \\r', () => {
        const text = 'service a "A"\nservice b "B"\n';
        expect(reparse(parse(text), 'service a "A"\nservice b "B" {\n', parse)).toBeUndefined();
        expect(reparse(parse('service a {\n'), 'service a {\n}\n', parse)).toBeUndefined();
        expect(reparse(parse(text), 'service a "A"\rservice b "C"\n', parse)).toBeUndefined();
    });
});
