// For the tests that run a part of Mermaid or dagre twice: as the preview's bundle has it (with
// scripts/mermaid-patches.mjs) and as published, and compare what the two give.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { mermaidPatches } from '../../scripts/mermaid-patches.mjs';

const ROOT = join(import.meta.dirname, '..', '..');

/** The graphlib graph that Mermaid and dagre use, as far as these tests call it. */
export interface Graph {
    setGraph(label: object): Graph;
    setDefaultEdgeLabel(f: () => object): Graph;
    setNode(v: string, label: object): Graph;
    setParent(v: string, parent: string): Graph;
    setEdge(v: string, w: string, label: object, name?: string): Graph;
    nodes(): string[];
    edges(): { v: string; w: string; name?: string }[];
    node(v: string): Record<string, unknown> | undefined;
    edge(e: { v: string; w: string; name?: string }): Record<string, unknown>;
    parent(v: string): string | undefined;
    graph(): Record<string, unknown>;
}

/** The module `source` (resolved from the repository) bundled for Node twice: with the preview's plugin, and without. */
export async function patchedAndPublished<T>(source: string): Promise<{ patched: T; published: T; dispose(): void }> {
    const dir = mkdtempSync(join(tmpdir(), 'aw-patched-'));
    const bundle = async (name: string, plugins: esbuild.Plugin[]) => {
        const outfile = join(dir, `${name}.mjs`);
        await esbuild.build({
            stdin: { contents: source, resolveDir: ROOT, loader: 'js' },
            outfile, bundle: true, format: 'esm', platform: 'node', logLevel: 'silent', plugins,
            banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" }
        });
        return import(pathToFileURL(outfile).href) as Promise<T>;
    };
    const [patched, published] = await Promise.all([bundle('patched', [mermaidPatches()]), bundle('published', [])]);
    return { patched, published, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
