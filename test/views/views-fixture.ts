import { readFileSync } from 'node:fs';
import type { ArchModel } from '../../server/src/model/arch-model.js';
import type { ModelIndex } from '../../server/src/model/graph.js';
import { loadWorkspace } from '../helpers.js';

export const EXAMPLE = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

/** The ArchModel and its index built from in-memory files, as the language server builds them. */
export async function modelOf(files: Record<string, string> | string): Promise<{ model: ArchModel; index: ModelIndex }> {
    const built = (await loadWorkspace(files)).model();
    return { model: built.model, index: built.index };
}
