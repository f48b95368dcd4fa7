import { describe, expect, it } from 'vitest';
import { archwright, folder } from './run-cli.js';

function model(text: string): string {
    return folder({ 'm.arch': text });
}

const sketch = 'architecture "T" {\n  stage design\n  rule missing-owner off\n}\nservice api "API" { technology "Go" }\nservice db "DB" { technology "SQLite" }\napi -> db "reads" { protocol SQL }\n';

describe('archwright check --stage', () => {
    it('reports the readiness rules of the asked stage instead of the model\'s own, once each', () => {
        const dir = model(sketch);
        expect(archwright(['check', dir], { cwd: dir }).stdout).toBe('0 errors, 0 warnings, 0 notes in 1 file\n');
        const run = archwright(['check', '--stage', 'production', dir], { cwd: dir });
        const lines = run.stdout.trim().split('\n');
        expect(lines.slice(0, -1).map(l => l.split(' ').slice(0, 3).join(' '))).toEqual([
            'm.arch:1:1 warning no-production-deployment',
            'm.arch:5:9 warning missing-monitoring',
            'm.arch:6:9 warning missing-monitoring'
        ]);
        expect(lines.at(-1)).toBe('0 errors, 3 warnings, 0 notes in 1 file');
        expect(run.status).toBe(0);
    });

    it('can lower the stage: whiteboard runs no readiness rule, but unknown rule ids are still reported', () => {
        const dir = model('architecture "T" {\n  stage production\n  rule no-such-rule off\n}\nservice api "API"\n');
        const run = archwright(['check', '--stage', 'whiteboard', dir], { cwd: dir });
        expect(run.stdout).toBe('m.arch:3:3 warning unknown-rule no-such-rule is not a readiness rule.\n0 errors, 1 warning, 0 notes in 1 file\n');
    });

    it('refuses a stage that does not exist, with exit code 2', () => {
        const dir = model(sketch);
        const run = archwright(['check', '--stage', 'prod', dir], { cwd: dir });
        expect(run.stderr).toBe('archwright: --stage must be whiteboard, design or production, not prod\n');
        expect(run.status).toBe(2);
    });
});
