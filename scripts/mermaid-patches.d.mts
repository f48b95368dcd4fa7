// Types of mermaid-patches.mjs, for the tests that import it.
import type { Plugin } from 'esbuild';

/** The esbuild plugin that makes the preview's changes to Mermaid's code (see mermaid-patches.mjs). */
export function mermaidPatches(): Plugin;

/** The file of Mermaid's bundle that holds its configuration. */
export function mermaidConfigModule(root?: string): string;
/** The file of Mermaid's bundle that extracts clusters (for the tests). */
export function mermaidClusterModule(root?: string): string;

/** Every change's name, the text it replaces and the text it puts there (for the tests). */
export function mermaidPatchTexts(): { name: string; original: string; replacement: string }[];
