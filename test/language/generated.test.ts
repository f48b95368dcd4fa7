import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('generated code', () => {
    it('is exactly what the grammar generates (run npm run generate after changing the grammar)', () => {
        const work = mkdtempSync(join(tmpdir(), 'archwright-generate-'));
        cpSync(join(root, 'server', 'src', 'language', 'archwright.langium'), join(work, 'archwright.langium'));
        const config = JSON.parse(readFileSync(join(root, 'langium-config.json'), 'utf8'));
        config.languages[0].grammar = 'archwright.langium';
        config.out = 'generated';
        writeFileSync(join(work, 'langium-config.json'), JSON.stringify(config));
        const run = spawnSync(process.execPath, [join(root, 'node_modules', 'langium-cli', 'bin', 'langium.js'), 'generate'], { cwd: work, encoding: 'utf8' });
        expect(run.status, run.stderr + run.stdout).toBe(0);
        const committed = join(root, 'server', 'src', 'language', 'generated');
        const files = readdirSync(committed).sort();
        expect(readdirSync(join(work, 'generated')).sort()).toEqual(files);
        for (const file of files) {
            expect(readFileSync(join(work, 'generated', file), 'utf8'), file).toBe(readFileSync(join(committed, file), 'utf8'));
        }
    });
});
