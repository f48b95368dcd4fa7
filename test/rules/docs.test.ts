import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { READINESS_RULES } from '../../server/src/rules/registry.js';
import { codes } from './support.js';

const page = (id: string) => new URL(`../../docs/rules/${id}.md`, import.meta.url);

describe('the rule pages', () => {
    it('list every rule in the index with its stage and default severity', () => {
        const index = readFileSync(page('README'), 'utf8');
        for (const rule of READINESS_RULES) expect(index).toContain(`| [\`${rule.id}\`](${rule.id}.md) | ${rule.stage} | ${rule.severity}`);
        expect(existsSync(page('unknown-rule'))).toBe(true);
    });

    for (const rule of READINESS_RULES) {
        it(`show an example that fires ${rule.id}`, async () => {
            const text = readFileSync(page(rule.id), 'utf8');
            const example = /## An example that fires\n\n```arch\n([\s\S]*?)```/.exec(text)?.[1];
            expect(example, `no example on the page of ${rule.id}`).toBeDefined();
            expect((await codes(example!, rule.id)).length).toBeGreaterThan(0);
        });
    }
});
