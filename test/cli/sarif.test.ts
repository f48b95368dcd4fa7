import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { archwright, folder, ROOT } from './run-cli.js';

// The SARIF 2.1.0 schema as Microsoft's SARIF SDK for JavaScript ships it (2.1.0-rtm.5, draft-04),
// the newest copy any npm package carries without a 40 MB native tool around it.
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
// Its language-tag pattern is not valid with the `u` flag, so patterns are checked as plain regexps.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(SCHEMA);

const MODEL = `architecture "T" {
  stage production
}
data card "Card" { class payment }
service api "API" { technology "Go" }
database db "DB" { technology "PostgreSQL" stores card }
api -> db "reads" { protocol SQL carries card }
api -> nowhere
`;

interface SarifLog {
    runs: { tool: { driver: { rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } }; results: any[] }[];
}

function sarif(files: Record<string, string>, args: string[] = []): { log: SarifLog; status: number | null; stderr: string } {
    const dir = folder(files);
    const run = archwright(['check', '--format', 'sarif', ...args], { cwd: dir });
    return { log: JSON.parse(run.stdout), status: run.status, stderr: run.stderr };
}

describe('archwright check --format sarif', () => {
    it('writes a log that the SARIF 2.1.0 schema accepts, exit 1 on errors, the summary on stderr', () => {
        const { log, status, stderr } = sarif({ 'm.arch': MODEL });
        expect(validate(log), JSON.stringify(validate.errors, undefined, 2)).toBe(true);
        expect(status).toBe(1);
        expect(stderr).toMatch(/^1 error, \d+ warnings, \d+ notes in 1 file\n$/);
        // The validator itself bites: a level SARIF does not know is refused.
        const broken = structuredClone(log);
        broken.runs[0].results[0].level = 'fatal';
        expect(validate(broken)).toBe(false);
    });

    it('lists every rule once with a description, a default level and its docs page', () => {
        const rules = sarif({ 'm.arch': MODEL }).log.runs[0].tool.driver.rules;
        const ids = rules.map(r => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        const pages = readdirSync(join(ROOT, 'docs', 'rules')).filter(f => f !== 'README.md').map(f => f.replace(/\.md$/, ''));
        for (const page of pages) expect(ids).toContain(page);
        expect(ids).toEqual(expect.arrayContaining(['syntax-error', 'unresolved-reference', 'duplicate-id', 'self-flow']));
        expect(rules.find(r => r.id === 'missing-backup')).toEqual(expect.objectContaining({
            helpUri: 'https://github.com/archwright/archwright/blob/main/docs/rules/missing-backup.md',
            defaultConfiguration: { level: 'warning' }
        }));
        expect(rules.find(r => r.id === 'missing-owner')?.defaultConfiguration.level).toBe('note');
        for (const rule of rules) expect(rule.shortDescription.text.length).toBeGreaterThan(10);
    });

    it('gives each result its rule, level, message and a region relative to the checked folder', () => {
        const { log } = sarif({ 'sub dir/m.arch': MODEL });
        const { results, tool } = log.runs[0];
        const unresolved = results.find(r => r.ruleId === 'unresolved-reference');
        expect(unresolved).toMatchObject({
            level: 'error',
            message: { text: 'No element named nowhere.' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'sub%20dir/m.arch', uriBaseId: '%SRCROOT%' }, region: { startLine: 8, startColumn: 8, endLine: 8, endColumn: 15 } } }]
        });
        expect(tool.driver.rules[unresolved.ruleIndex].id).toBe('unresolved-reference');
        const governed = results.find(r => r.ruleId === 'unencrypted-sensitive-store');
        expect(governed.level).toBe('warning');
        expect(results.find(r => r.ruleId === 'missing-owner').level).toBe('note');
    });

    it('carries related locations (the other duplicate) and stays valid', () => {
        const { log } = sarif({ 'a.arch': 'service x "X"\n', 'b.arch': 'service x "Y"\n' });
        const duplicate = log.runs[0].results.find(r => r.ruleId === 'duplicate-id' && r.locations[0].physicalLocation.artifactLocation.uri === 'a.arch');
        expect(duplicate.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('b.arch');
        expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    });

    it('is valid with no results at all', () => {
        const { log, status } = sarif({ 'm.arch': 'person p "P"\n' });
        expect(log.runs[0].results).toEqual([]);
        expect(validate(log)).toBe(true);
        expect(status).toBe(0);
    });
});
