import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The fuzzer's mutations of `.arch` text: seeded and deterministic, so that a failure found by a
 * run is found again by the same seed and can be shrunk to a regression test.
 */

const ROOT = join(import.meta.dirname, '..', '..');

/** The files the mutations start from: the language example, the shop, the hostile labels. */
export const FIXTURE_PATHS = ['test/fixtures/example.arch', 'examples/acme-shop/shop.arch', 'test/views/fixtures/hostile.arch', 'test/e2e/workspace/support.arch'];

export function loadFixtures(): string[] {
    return FIXTURE_PATHS.map(path => readFileSync(join(ROOT, path), 'utf8'));
}

/** mulberry32: a small PRNG with a 32-bit seed, good enough to pick mutations. */
export class Random {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** An integer in [0, n). */
    int(n: number): number {
        return Math.floor(this.next() * n);
    }

    pick<T>(items: readonly T[]): T {
        return items[this.int(items.length)];
    }
}

/** Characters that trip up editors and lexers: bidi controls, zero-width, BOM, surrogates, controls. */
export const HOSTILE_CHARACTERS = [
    '\u202e', '\u202d', '\u2066', '\u2067', '\u2069', '\u200f', '\u200e', // bidi overrides and marks
    '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', // zero-width and BOM
    '\u0301', '\u0336', // combining marks
    '\ud83d\ude00', '\ud83c\udff3\ufe0f\u200d\ud83c\udf08', // emoji, a ZWJ sequence
    '\ud800', '\udfff', // lone surrogates
    '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\r', '\t', '\v', '\f',
    'مرحبا', 'שלום', '漢字', 'ǅ', 'ß', 'İ', '\uffff', '\ufffd'
];

/** Fragments of the language itself, so that mutations also produce near-valid text. */
const TOKENS = ['{', '}', '->', '.', ',', '"', '"""', '/*', '*/', '//', 'system', 'service', 'database', 'view', 'deployment', 'node',
    'zone', 'runs', 'x2', 'satisfies', 'stores', 'carries', 'include *', 'of', 'sequence', 'requirement', 'data', 'decision',
    'status superseded by', 'replicas 0', 'replicas 99999999999999999999', 'target 99.99%', 'backup daily retain 30d',
    'allow spof "x"', 'rule spof off', 'stage production', 'a -> a', 'shop.orders', 'shop..orders', '.', '%', '1y', '\n', ' '];

export interface Mutation {
    /** What was done, for the report and for shrinking by hand. */
    name: string;
    text: string;
}

type Mutator = (text: string, random: Random, others: readonly string[]) => Mutation;

function range(text: string, random: Random, maxLength = 200): [number, number] {
    const start = random.int(text.length + 1);
    const end = Math.min(text.length, start + random.int(maxLength + 1));
    return [start, end];
}

const MUTATORS: Mutator[] = [
    function deleteRange(text, random) {
        const [start, end] = range(text, random);
        return { name: `delete ${start}..${end}`, text: text.slice(0, start) + text.slice(end) };
    },
    function insertFromFixture(text, random, others) {
        const source = random.pick(others);
        const [start, end] = range(source, random, 400);
        const at = random.int(text.length + 1);
        return { name: `insert fixture text at ${at}`, text: text.slice(0, at) + source.slice(start, end) + text.slice(at) };
    },
    function duplicateRange(text, random) {
        const [start, end] = range(text, random, 600);
        return { name: `duplicate ${start}..${end}`, text: text.slice(0, end) + text.slice(start, end) + text.slice(end) };
    },
    function swapRanges(text, random) {
        const [a, b] = range(text, random);
        const [c, d] = range(text, random);
        const [[s1, e1], [s2, e2]] = a <= c ? [[a, b], [Math.max(b, c), Math.max(b, d)]] : [[c, d], [Math.max(d, a), Math.max(d, b)]];
        return { name: `swap ${s1}..${e1} with ${s2}..${e2}`, text: text.slice(0, s1) + text.slice(s2, e2) + text.slice(e1, s2) + text.slice(s1, e1) + text.slice(e2) };
    },
    function insertToken(text, random) {
        const at = random.int(text.length + 1);
        const token = random.pick(TOKENS);
        return { name: `insert ${JSON.stringify(token)} at ${at}`, text: text.slice(0, at) + token + text.slice(at) };
    },
    function randomBytes(text, random) {
        const at = random.int(text.length + 1);
        const count = 1 + random.int(16);
        let bytes = '';
        for (let i = 0; i < count; i++) bytes += String.fromCharCode(random.int(256));
        return { name: `insert ${count} random bytes at ${at}`, text: text.slice(0, at) + bytes + text.slice(at) };
    },
    function hostileUnicode(text, random) {
        const at = random.int(text.length + 1);
        const chars = Array.from({ length: 1 + random.int(4) }, () => random.pick(HOSTILE_CHARACTERS)).join('');
        return { name: `insert unicode ${JSON.stringify(chars)} at ${at}`, text: text.slice(0, at) + chars + text.slice(at) };
    },
    function replaceIdentifier(text, random) {
        const ids = [...new Set(text.match(/\b[a-z][a-z0-9]*(-[a-z0-9]+)+\b|\b[a-z]{3,}\b/g) ?? [])];
        if (ids.length < 2) return { name: 'no identifiers to swap', text };
        const from = random.pick(ids);
        const to = random.pick(ids);
        return { name: `rename every ${from} to ${to}`, text: text.split(from).join(to) };
    },
    // The next three usually keep a file that parses, so that formatting, fixes and rename get checked.
    function respace(text, random) {
        const spaces = [' ', '  ', '\n', '\n\n\n', '\t', ' \r\n ', '\n    '];
        let count = 0;
        const out = text.replace(/[ \t]+|\n/g, match => (random.int(4) === 0 ? (count++, random.pick(spaces)) : match));
        return { name: `respace ${count} gaps`, text: out };
    },
    function insertComment(text, random) {
        const gaps = [...text.matchAll(/\s+/g)];
        if (gaps.length === 0) return { name: 'no gap for a comment', text };
        const gap = random.pick(gaps);
        const comment = random.pick(['// note', '/* a */', '/* multi\n   line */', '// \u202e rtl \u200b', '/**/', '/* } { " */']);
        const at = gap.index! + random.int(gap[0].length + 1);
        const text2 = text.slice(0, at) + (comment.startsWith('//') ? ` ${comment}\n` : ` ${comment} `) + text.slice(at);
        return { name: `insert comment ${JSON.stringify(comment)} at ${at}`, text: text2 };
    },
    function duplicateLines(text, random) {
        const lines = text.split('\n');
        const start = random.int(lines.length);
        const end = Math.min(lines.length, start + 1 + random.int(20));
        const copy = lines.slice(start, end);
        return { name: `duplicate lines ${start + 1}..${end}`, text: [...lines.slice(0, end), ...copy, ...lines.slice(end)].join('\n') };
    },
    function truncate(text, random) {
        const at = random.int(text.length + 1);
        return { name: `truncate at ${at}`, text: text.slice(0, at) };
    }
];

/** One random mutation of the text. */
export function mutate(text: string, random: Random, others: readonly string[]): Mutation {
    return random.pick(MUTATORS)(text, random, others);
}

/** Inputs too big to be found by chance: each is fed once per run. */
export const HUGE_INPUTS = {
    'a 1 MB line': () => `system big "${'x'.repeat(1_000_000)}"\n`,
    'a 1 MB line of tokens': () => 'service s "S" { ' + 'tags "a", '.repeat(100_000) + '"b" }\n',
    '10,000 levels of nesting': () => nested(10_000),
    '50,000 elements in one file': () => manyElements(50_000),
    'a 1 MB comment and 1 MB of braces': () => `/* ${'*'.repeat(1_000_000)} */\n${'{'.repeat(100_000)}\n`
} satisfies Record<string, () => string>;

export function nested(depth: number): string {
    const open: string[] = [];
    for (let i = 0; i < depth; i++) open.push(`system s${i} "S${i}" {`);
    return open.join('\n') + '\nservice leaf "Leaf"\n' + '}\n'.repeat(depth);
}

export function manyElements(count: number): string {
    const lines = ['architecture "Big" {\n  stage production\n}', 'requirement up "Up" {\n  kind availability\n  target 99.9%\n}'];
    for (let i = 0; i < count; i++) {
        lines.push(i % 2 ? `service s${i} "Service ${i}" {\n  technology "Go"\n  satisfies up\n}` : `database s${i} "Store ${i}"`);
    }
    for (let i = 1; i < count; i += 2) lines.push(`s${i} -> s${i - 1} "uses"`);
    return lines.join('\n') + '\n';
}
