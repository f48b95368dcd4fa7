import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz-run.js';

/**
 * The bounded fuzzing run: a few hundred seeded mutations of the fixtures, and each huge input
 * once, fed to the bundled server over stdio. The long run is `npm run fuzz` (docs/fuzzing.md).
 */
describe('the language server under fuzzed input', () => {
    it('answers every request in time, never crashes, always publishes diagnostics and loses nothing', async () => {
        // The two slowest huge inputs (50 000 elements, a 1 MB line of 200 000 tokens) take minutes
        // on this machine: they are fed by the long run only.
        const report = await runFuzz({ seed: 20260301, mutations: 250, huge: ['a 1 MB line', '10,000 levels of nesting', 'a 1 MB comment and 1 MB of braces'] });
        const failures = report.failures.map(f => `step ${f.step} (${f.mutation}): ${f.kind}: ${f.detail.split('\n')[0]}`);
        expect(failures).toEqual([]);
        expect(report.mutations).toBe(250);
        // The checks of "nothing lost" must have run, not been skipped because nothing parsed.
        expect(report.formatChecks).toBeGreaterThan(20);
        expect(report.fixChecks).toBeGreaterThan(10);
        expect(report.renameChecks).toBeGreaterThan(0);
    }, 120_000);
});
