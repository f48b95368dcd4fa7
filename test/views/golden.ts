import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));

/**
 * Compares text with test/views/golden/NAME. Goldens change only on purpose: run the tests with
 * UPDATE_GOLDEN=1 to rewrite them, then read the diff before committing.
 */
export function expectGolden(name: string, text: string): void {
    const path = GOLDEN + name;
    if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
        return;
    }
    if (!existsSync(path)) throw new Error(`no golden file ${name}: run with UPDATE_GOLDEN=1 to create it, then review it`);
    expect(text, `differs from golden/${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
}
