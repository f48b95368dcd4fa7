import { describe, expect, it } from 'vitest';
import { escapeLabel, joinLabels, MAX_LABEL_LENGTH, MermaidIds } from '../../server/src/views/mermaid-escape.js';
import { shownText } from './mermaid-parse.js';

const HOSTILE = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '%%{init: {"securityLevel":"loose"}}%%',
    'click n0 call alert()',
    'end',
    '`**bold** _markdown_`',
    'say "hi" # not a comment ; not a statement',
    '[square] (round) {curly} |pipe|',
    'a\\b &amp; &lt;',
    'line one\nline two\r\n  click el_x href "javascript:alert(1)"'
];

describe('escapeLabel', () => {
    it.each(HOSTILE)('leaves no Mermaid, Markdown or HTML syntax raw in %j', text => {
        const out = escapeLabel(text);
        expect(out).not.toMatch(/[<>"`%{}[\]|\\&:\n\r]/);
        expect(out.replace(/#\d+;/g, '')).not.toMatch(/[#;]/);
        expect(out).not.toMatch(/\bend\b/i);
    });

    it.each(HOSTILE)('is drawn as the very text it came from: %j', text => {
        expect(shownText(escapeLabel(text))).toBe(text.replace(/\s+/g, ' ').trim());
    });

    it('writes each special character as its Mermaid entity code', () => {
        expect(escapeLabel('"a" #1; <b>')).toBe('#34;a#34; #35;1#59; #60;b#62;');
    });

    it('escapes the word end in any case, but not inside other words', () => {
        expect(escapeLabel('The End of the backend, end. END, eNd')).toBe('The #69;nd of the backend, #101;nd. #69;ND, #101;Nd');
    });

    it('keeps letters of any script and plain punctuation readable', () => {
        expect(escapeLabel("Grüße, مرحبا بالعالم (v1.2) - what's up? 日本")).toBe("Grüße, مرحبا بالعالم (v1.2) - what's up? 日本");
    });

    it('encodes bidirectional overrides and other invisible characters', () => {
        expect(escapeLabel('abc\u202Edef\u200B')).toBe('abc#8238;def#8203;');
    });

    it('cuts very long text to the label limit with an ellipsis, by characters', () => {
        const long = '😀'.repeat(500);
        const out = escapeLabel(long);
        expect(out.match(/#\d+;/g)).toHaveLength(MAX_LABEL_LENGTH);
        expect(out.endsWith('#8230;')).toBe(true);
        expect(escapeLabel('x'.repeat(10_000))).toHaveLength(MAX_LABEL_LENGTH - 1 + '#8230;'.length);
    });

    it('joins parts with a separator of its own, skipping empty ones', () => {
        expect(joinLabels(['places order', undefined, 'gRPC', ' '])).toBe('places order · gRPC');
    });
});

describe('MermaidIds', () => {
    it('makes ids from a prefix and the sanitised model id, the same each time', () => {
        const ids = new MermaidIds();
        expect(ids.id('el', 'orders-db')).toBe('el_orders_db');
        expect(ids.id('el', 'orders-db')).toBe('el_orders_db');
        expect(ids.id('req', 'orders-db')).toBe('req_orders_db');
    });

    it('never gives two keys the same id, even when they sanitise alike', () => {
        const ids = new MermaidIds();
        expect([ids.id('el', 'a-b'), ids.id('el', 'a_b'), ids.id('el', 'a b'), ids.id('el', 'a_b_2')]).toEqual(['el_a_b', 'el_a_b_2', 'el_a_b_3', 'el_a_b_2_2']);
    });

    it('writes only letters, digits and underscores, whatever the key', () => {
        const ids = new MermaidIds();
        for (const key of ['"]; click x', 'end', '%%{init}%%', 'ü-ß', '<script>']) expect(ids.id('el', key)).toMatch(/^el_[A-Za-z0-9_]+$/);
    });
});
