import { createLangiumParser, EmptyFileSystem, isReference, type AstNode, type CstNode, type ParseResult } from 'langium';
import { describe, expect, it } from 'vitest';
import { archwrightFiles, plan } from '../../bench/generate.mjs';
import { createArchwrightServices } from '../../server/src/module.js';
import type { DepthLimitedParser } from '../../server/src/language/depth-limited-parser.js';
import { loadFixtures, mutate, Random } from '../fuzz/mutations.js';
import { repositoryArchTexts } from '../helpers.js';

// The fast parser (server/src/language/fast-parser.ts) must build, for every text without syntax
// errors, what Langium's parser builds: the same CST (node kinds, grammar elements, positions,
// comments), the same AST (types, properties in the same order, values, references and their
// nodes, containers) and the same links between them. And it must take every such text: one it
// gives up on is parsed correctly but slowly.
const { Archwright } = createArchwrightServices(EmptyFileSystem);
const parser = Archwright.parser.LangiumParser as DepthLimitedParser;

function parseBoth(text: string): { fast?: ParseResult<AstNode>; langium: ParseResult<AstNode> } {
    parser.fastPath = true;
    const first = parser.parse(text);
    const fast = parser.lastParseWasFast ? first : undefined;
    parser.fastPath = false;
    try {
        return { fast, langium: parser.parse(text) };
    } finally {
        parser.fastPath = true;
    }
}

/** Every difference between two parses, as readable lines (none when they are the same). */
function differences(a: ParseResult<AstNode>, b: ParseResult<AstNode>): string[] {
    const found: string[] = [];
    const cstA = cstNodes(a.value.$cstNode!), cstB = cstNodes(b.value.$cstNode!);
    const indexA = new Map(cstA.map((n, i) => [n, i])), indexB = new Map(cstB.map((n, i) => [n, i]));
    const astA: AstNode[] = [], astB: AstNode[] = [];
    collectAst(a.value, astA);
    collectAst(b.value, astB);
    const astIndexA = new Map(astA.map((n, i) => [n, i])), astIndexB = new Map(astB.map((n, i) => [n, i]));
    if (cstA.length !== cstB.length) found.push(`CST nodes: ${cstA.length} against ${cstB.length}`);
    for (let i = 0; i < Math.min(cstA.length, cstB.length) && found.length < 20; i++) {
        const x = cstA[i], y = cstB[i];
        const where = `CST node ${i} (${y.text.slice(0, 30)})`;
        if (x.constructor !== y.constructor) found.push(`${where}: ${x.constructor.name} against ${y.constructor.name}`);
        if (x.grammarSource !== y.grammarSource) found.push(`${where}: another grammar element`);
        if (x.offset !== y.offset || x.length !== y.length || x.hidden !== y.hidden) found.push(`${where}: offset, length or hidden`);
        if (JSON.stringify(x.range) !== JSON.stringify(y.range)) found.push(`${where}: range ${JSON.stringify(x.range)} against ${JSON.stringify(y.range)}`);
        if ((x.container ? indexA.get(x.container) : -1) !== (y.container ? indexB.get(y.container) : -1)) found.push(`${where}: container`);
        const ownA = (x as unknown as { _astNode?: AstNode })._astNode, ownB = (y as unknown as { _astNode?: AstNode })._astNode;
        if ((ownA ? astIndexA.get(ownA) : -1) !== (ownB ? astIndexB.get(ownB) : -1)) found.push(`${where}: linked AST node`);
        if ('tokenType' in y && (x as { tokenType?: unknown }).tokenType !== y.tokenType) found.push(`${where}: token type`);
    }
    if (astA.length !== astB.length) found.push(`AST nodes: ${astA.length} against ${astB.length}`);
    for (let i = 0; i < Math.min(astA.length, astB.length) && found.length < 40; i++) {
        const x = astA[i] as unknown as Record<string, unknown>, y = astB[i] as unknown as Record<string, unknown>;
        const where = `AST node ${i} (${String(y.$type)})`;
        if (Object.keys(x).join() !== Object.keys(y).join()) found.push(`${where}: keys ${Object.keys(x).join()} against ${Object.keys(y).join()}`);
        for (const key of Object.keys(y)) {
            const u = x[key], v = y[key];
            if (key === '$cstNode') {
                if (indexA.get(u as CstNode) !== indexB.get(v as CstNode)) found.push(`${where}: $cstNode`);
            } else if (key === '$container') {
                if (astIndexA.get(u as AstNode) !== astIndexB.get(v as AstNode)) found.push(`${where}: $container`);
            } else if (key === '$document') {
                continue;
            } else if (JSON.stringify(plain(u, indexA, astIndexA)) !== JSON.stringify(plain(v, indexB, astIndexB))) {
                found.push(`${where}.${key}: ${JSON.stringify(plain(u, indexA, astIndexA))} against ${JSON.stringify(plain(v, indexB, astIndexB))}`);
            }
        }
    }
    return found;
}

function plain(value: unknown, cst: Map<CstNode, number>, ast: Map<AstNode, number>): unknown {
    if (Array.isArray(value)) return value.map(v => plain(v, cst, ast));
    if (isReference(value)) return { ref: value.$refText, node: cst.get(value.$refNode!), keys: Object.keys(value).join() };
    if (value && typeof value === 'object' && '$type' in value) return { ast: ast.get(value as AstNode) };
    return value;
}

function cstNodes(root: CstNode): CstNode[] {
    const all: CstNode[] = [];
    const visit = (node: CstNode) => {
        all.push(node);
        for (const child of (node as { content?: CstNode[] }).content ?? []) visit(child);
    };
    visit(root);
    return all;
}

function collectAst(node: AstNode, into: AstNode[]): void {
    into.push(node);
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        for (const item of Array.isArray(value) ? value : [value]) {
            if (item && typeof item === 'object' && '$type' in item) collectAst(item as AstNode, into);
        }
    }
}

/** Checks one text: the same tree when the fast parser took it; taken whenever Langium found no error. */
function check(text: string, label: string): boolean {
    const { fast, langium } = parseBoth(text);
    const clean = langium.lexerErrors.length === 0 && langium.parserErrors.length === 0;
    if (fast) {
        expect(clean, `${label}: parsed by the fast parser but Langium finds errors`).toBe(true);
        expect(differences(fast, langium), label).toEqual([]);
        expect(fast.parserErrors).toEqual([]);
    } else {
        expect(clean, `${label}: Langium parses it without errors but the fast parser gave up`).toBe(false);
    }
    return fast !== undefined;
}

describe('the fast parser', () => {
    it("builds Langium's tree for every file of the repository that parses without errors", () => {
        let fast = 0;
        for (const { file, text } of repositoryArchTexts()) if (check(text, file)) fast++;
        expect(fast).toBeGreaterThan(10);
    });

    it("builds Langium's tree for the benchmark's M model", () => {
        for (const [path, text] of archwrightFiles(plan('M'))) expect(check(text, path), path).toBe(true);
    });

    it('agrees with Langium on 1,500 mutations of the fixtures, broken or not', () => {
        const fixtures = loadFixtures();
        const random = new Random(20261127);
        let fast = 0, broken = 0;
        for (let i = 0; i < 1_500; i++) {
            const text = mutate(random.pick(fixtures), random, fixtures).text;
            if (check(text, `mutation ${i}`)) fast++;
            else broken++;
        }
        expect(fast).toBeGreaterThan(200);
        expect(broken).toBeGreaterThan(200);
    });

    it('places comments as Langium does: before, between and after declarations, inside values and at the end', () => {
        const texts = [
            '// only a comment',
            '/* a */ // b\n',
            '',
            '// head\nservice a "A" { // after the brace\n  /* before */ owner /* inside */ "x" // end\n  tags "a", /* c */ "b"\n} // trailing\n/* last */',
            'service a\n// between\nservice b\na -> b // flow\n/* x */ b.c -> /* y */ a.d "l" { protocol https encrypted }',
            'view v1 sequence { /* c */ description -> allow "x" description "d" allow rule "r" }\nview v2 of a { description """\n  x\n  """ }',
            'deployment d { region r { node n { runs a x2, b.c, /* c */ d } zone z } kind production }\n// end',
            'architecture "A" { stage production rule missing-owner off }\narchitecture -> x\nservice.x -> y',
            'decision d1 { status superseded by d2 date "2024" affects a, b rationale "r" }\ndecision d2 { status accepted }',
            'service s { scaling horizontal min 1 max 3 monitoring metrics logs traces backup daily retain 30d link "l" source "s" }',
            'requirement r "R" { kind performance target 99.9% priority must }\nrequirement r2 { target "t" }\nview all { include * }\nview some { include a, b exclude c }'
        ];
        for (const [i, text] of texts.entries()) expect(check(text, `text ${i}`), `text ${i}`).toBe(true);
    });

    it("builds Chevrotain's parser only for a text that needs it", () => {
        const fresh = createArchwrightServices(EmptyFileSystem).Archwright.parser.LangiumParser as DepthLimitedParser;
        expect(fresh.chevrotainBuilt).toBe(false);
        expect(fresh.parse('service a "A" { owner "x" }\na -> a').parserErrors).toEqual([]);
        expect(fresh.chevrotainBuilt).toBe(false);
        const broken = fresh.parse('service a "A" { owner }');
        expect(fresh.chevrotainBuilt).toBe(true);
        expect(broken.parserErrors.map(e => e.message)).toEqual(langiumsErrors('service a "A" { owner }'));
    });
});

function langiumsErrors(text: string): string[] {
    return createLangiumParser(Archwright).parse(text).parserErrors.map(e => e.message);
}
