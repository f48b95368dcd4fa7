import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

// The TextMate grammar colours what the Langium grammar defines: every keyword of its `Keyword`
// rule (read from the .langium file, so a new keyword without a colour fails here), and the
// literals, comments, ids and arrows of language.md.

const file = (path: string) => new URL(`../../${path}`, import.meta.url);
let grammar: textmate.IGrammar;

beforeAll(async () => {
    await oniguruma.loadWASM(readFileSync(file('node_modules/vscode-oniguruma/release/onig.wasm')));
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({ createOnigScanner: p => oniguruma.createOnigScanner(p), createOnigString: s => oniguruma.createOnigString(s) }),
        loadGrammar: async scope => scope === 'source.archwright'
            ? textmate.parseRawGrammar(readFileSync(file('syntaxes/archwright.tmLanguage.json'), 'utf8'), 'archwright.tmLanguage.json')
            : null
    });
    grammar = (await registry.loadGrammar('source.archwright'))!;
});

interface Token { text: string; line: number; start: number; scope: string; scopes: string[] }

function tokenize(text: string): Token[] {
    let stack = textmate.INITIAL;
    const tokens: Token[] = [];
    text.split('\n').forEach((line, index) => {
        const result = grammar.tokenizeLine(line, stack);
        for (const t of result.tokens) {
            const scopes = t.scopes;
            tokens.push({ text: line.slice(t.startIndex, t.endIndex), line: index, start: t.startIndex, scope: scopes[scopes.length - 1], scopes });
        }
        stack = result.ruleStack;
    });
    return tokens;
}

/** The token that is exactly `word` (the first one, or the `nth`), failing if it was split or merged. */
function tokenOf(text: string, word: string, nth = 0): Token {
    const found = tokenize(text).filter(t => t.text === word)[nth];
    if (!found) throw new Error(`"${word}" is not one token in: ${text}\n${JSON.stringify(tokenize(text).map(t => [t.text, t.scope]))}`);
    return found;
}

function langiumKeywords(): string[] {
    const source = readFileSync(file('server/src/language/archwright.langium'), 'utf8');
    const rule = /Keyword returns string:([\s\S]*?);/.exec(source)![1];
    return [...rule.matchAll(/'([^']+)'/g)].map(m => m[1]);
}

/** Where each keyword is used as a keyword, and the scope it must get there (`$` marks the keyword). */
const contexts: { sample: string; scope: string; keywords: string[] }[] = [
    { sample: '$ "Shop" {', scope: 'keyword.other.declaration', keywords: ['architecture'] },
    { sample: '$ some-id "Title" {', scope: 'keyword.other.declaration', keywords: ['requirement', 'constraint', 'data', 'deployment', 'decision', 'view'] },
    {
        sample: 'system shop {\n  $ some-id "Title" {', scope: 'storage.type.element',
        keywords: ['person', 'external', 'system', 'service', 'app', 'function', 'job', 'gateway', 'loadbalancer', 'database', 'cache', 'queue', 'storage', 'component']
    },
    { sample: 'deployment d {\n  $ some-id "Title" {', scope: 'storage.type.node', keywords: ['region', 'zone', 'node'] },
    {
        sample: 'service s {\n  $ something', scope: 'support.type.property-name',
        keywords: ['stage', 'rule', 'kind', 'priority', 'standard', 'class', 'exposure', 'scaling', 'monitoring', 'encryption', 'replication', 'backup', 'status',
            'satisfies', 'stores', 'carries', 'affects', 'runs', 'include', 'exclude', 'allow', 'protocol', 'format', 'auth',
            'description', 'technology', 'owner', 'tags', 'link', 'source', 'runbook', 'dashboard', 'healthcheck', 'alert', 'sharding', 'date', 'rationale', 'consequences', 'target', 'replicas']
    },
    { sample: 'a -> b {\n  $\n}', scope: 'support.type.property-name.flag', keywords: ['encrypted', 'async'] },
    { sample: '  stage $', scope: 'constant.language', keywords: ['whiteboard', 'design', 'production'] },
    { sample: '  rule missing-backup $', scope: 'constant.language', keywords: ['off', 'hint', 'info', 'warning', 'error'] },
    {
        sample: '  kind $', scope: 'constant.language',
        keywords: ['functional', 'performance', 'availability', 'scalability', 'security', 'compliance', 'usability', 'maintainability', 'cost',
            'budget', 'timeline', 'technology', 'regulatory', 'other', 'production', 'staging', 'development', 'test']
    },
    { sample: '  priority $', scope: 'constant.language', keywords: ['must', 'should', 'could'] },
    { sample: '  standard $', scope: 'constant.language', keywords: ['GDPR', 'PCI-DSS', 'HIPAA', 'SOC2', 'ISO27001'] },
    { sample: '  class $', scope: 'constant.language', keywords: ['public', 'internal', 'confidential', 'pii', 'payment', 'health', 'secret'] },
    { sample: '  exposure $', scope: 'constant.language', keywords: ['public', 'internal'] },
    { sample: '  scaling $', scope: 'constant.language', keywords: ['horizontal', 'vertical'] },
    { sample: '  scaling horizontal $ 2', scope: 'keyword.other', keywords: ['min', 'max'] },
    { sample: '  monitoring metrics $', scope: 'constant.language', keywords: ['metrics', 'logs', 'traces'] },
    { sample: '  encryption $', scope: 'constant.language', keywords: ['at-rest'] },
    { sample: '  replication $', scope: 'constant.language', keywords: ['none', 'primary-replica', 'multi-primary', 'cluster'] },
    { sample: '  backup $ retain 30d', scope: 'constant.language', keywords: ['hourly', 'daily', 'weekly', 'continuous'] },
    { sample: '  backup daily $ 30d', scope: 'keyword.other', keywords: ['retain'] },
    { sample: '  status $', scope: 'constant.language', keywords: ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] },
    { sample: '  status superseded $ adr-001', scope: 'keyword.other', keywords: ['by'] },
    { sample: 'view v "Title" $ some-id', scope: 'keyword.other.view-form', keywords: ['of', 'deployment', 'dataflow'] },
    { sample: 'view v "Title" $ {', scope: 'keyword.other.view-form', keywords: ['requirements', 'sequence'] }
];

describe('TextMate grammar: keywords', () => {
    it('has a coloured context for every keyword of the Langium grammar, and no keyword it does not know', () => {
        const keywords = langiumKeywords();
        expect(keywords.length).toBeGreaterThan(100);
        const covered = new Set(contexts.flatMap(c => c.keywords));
        expect(keywords.filter(k => !covered.has(k))).toEqual([]);
        expect([...covered].filter(k => !keywords.includes(k))).toEqual([]);
    });

    for (const { sample, scope, keywords } of contexts) {
        it(`colours ${keywords.join(', ')} as ${scope} in "${sample.replace(/\n/g, ' ')}"`, () => {
            expect(sample).toContain('$');
            for (const keyword of keywords) {
                const text = sample.replace('$', keyword);
                const before = sample.slice(0, sample.indexOf('$')).split('\n');
                const token = tokenize(text).find(t => t.line === before.length - 1 && t.start === before.at(-1)!.length);
                expect(token?.text, text).toBe(keyword);
                expect(token?.scope, text).toMatch(new RegExp(`^${scope.replace(/\./g, '\\.')}\\.`));
            }
        });
    }
});

describe('TextMate grammar: names, arrows and literals', () => {
    it('reads a->b without spaces as id, arrow, id', () => {
        const tokens = tokenize('a->b').map(t => [t.text, t.scope]);
        expect(tokens).toEqual([['a', 'variable.other.archwright'], ['->', 'keyword.operator.arrow.archwright'], ['b', 'variable.other.archwright']]);
    });

    it('keeps a kebab-case id in one token, in declarations and flows', () => {
        expect(tokenOf('database orders-db "Orders"', 'orders-db').scope).toBe('entity.name.type.archwright');
        expect(tokenOf('orders -> orders-db "stores"', 'orders-db').scope).toBe('variable.other.archwright');
        expect(tokenOf('orders-db->x', 'orders-db').scope).toBe('variable.other.archwright');
    });

    it('treats a keyword that names an element as an id', () => {
        const text = 'data -> production "x"';
        expect(tokenOf(text, 'data').scope).toBe('variable.other.archwright');
        expect(tokenOf(text, 'production').scope).toBe('variable.other.archwright');
        expect(tokenOf('service data "Data"', 'data').scope).toBe('entity.name.type.archwright');
        expect(tokenOf('  affects production, test', 'production').scope).toBe('variable.other.archwright');
        expect(tokenOf('source.orders -> x', 'source').scope).toBe('variable.other.archwright');
    });

    it('splits dotted paths into ids and accessors', () => {
        expect(tokenize('shop.orders -> x').slice(0, 3).map(t => t.scope))
            .toEqual(['variable.other.archwright', 'punctuation.accessor.archwright', 'variable.other.archwright']);
    });

    it('colours strings with their escapes', () => {
        const text = '  technology "say \\"hi\\" \\\\ ok"';
        expect(tokenize(text).filter(t => t.start >= text.indexOf('"')).every(t => t.scopes.includes('string.quoted.double.archwright'))).toBe(true);
        expect(tokenOf(text, '\\"').scope).toBe('constant.character.escape.archwright');
        expect(tokenOf(text, '\\\\').scope).toBe('constant.character.escape.archwright');
    });

    it('ends an unterminated string at the end of its line', () => {
        expect(tokenOf('  owner "oops\nservice s', 'service').scope).toBe('storage.type.element.archwright');
    });

    it('colours """ text blocks across lines, quotes inside included', () => {
        const tokens = tokenize('  description """\n    says "hi" // not a comment\n  """\n  owner "x"');
        expect(tokens.filter(t => t.line === 1).every(t => t.scopes.includes('string.quoted.triple.archwright'))).toBe(true);
        expect(tokens.find(t => t.text === 'owner')?.scope).toBe('support.type.property-name.archwright');
    });

    it('colours integers, percentages, durations and instance counts', () => {
        expect(tokenOf('  replicas 3', '3').scope).toBe('constant.numeric.integer.archwright');
        expect(tokenOf('  scaling horizontal min 3 max 30', '30').scope).toBe('constant.numeric.integer.archwright');
        expect(tokenOf('  target 99.95%', '99.95%').scope).toBe('constant.numeric.percentage.archwright');
        for (const duration of ['30d', '12w', '1y', '6m', '48h']) {
            expect(tokenOf(`  backup daily retain ${duration}`, duration).scope).toBe('constant.numeric.duration.archwright');
        }
        const runs = '  runs storefront x2, orders x10';
        expect(tokenOf(runs, 'x2').scope).toBe('constant.numeric.instance-count.archwright');
        expect(tokenOf(runs, 'x10').scope).toBe('constant.numeric.instance-count.archwright');
        expect(tokenOf(runs, 'storefront').scope).toBe('variable.other.archwright');
    });

    it('colours line and block comments, also after code and across lines', () => {
        expect(tokenOf('// a comment', ' a comment').scopes).toContain('comment.line.double-slash.archwright');
        expect(tokenOf('  replicas 2 // two', ' two').scopes).toContain('comment.line.double-slash.archwright');
        const block = tokenize('/* one\n   service x "y"\n*/ service z');
        expect(block.filter(t => t.line === 1).every(t => t.scopes.includes('comment.block.archwright'))).toBe(true);
        expect(block.find(t => t.text === 'service' && t.line === 2)?.scope).toBe('storage.type.element.archwright');
    });

    it('colours the wildcard of include *', () => {
        expect(tokenOf('view overview { include * }', '*').scope).toBe('keyword.operator.wildcard.archwright');
        expect(tokenOf('  include *', '*').scope).toBe('keyword.operator.wildcard.archwright');
    });

    it('leaves no word of the language example uncoloured', () => {
        const example = readFileSync(file('test/fixtures/example.arch'), 'utf8');
        const bare = tokenize(example).filter(t => t.text.trim() !== '' && t.scopes.length === 1);
        expect(bare.map(t => `${t.line + 1}: ${t.text}`)).toEqual([]);
    });
});
