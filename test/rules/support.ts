import type { Diagnostic } from 'vscode-languageserver';
import { RULES_BY_ID } from '../../server/src/rules/registry.js';
import { diagnosticLines, loadWorkspace } from '../helpers.js';

/** The architecture block of a model at a stage, with optional `rule` lines. */
export function header(stage: 'whiteboard' | 'design' | 'production', ...rules: string[]): string {
    return `architecture "T" {\n  stage ${stage}\n${rules.map(r => `  rule ${r}\n`).join('')}}\n`;
}

/**
 * The readiness diagnostics (and `unknown-rule`) of a one-file model as `line:col code message`,
 * optionally only those of the given codes. Fails when the text does not parse and link cleanly.
 */
export async function findings(text: string, ...codes: string[]): Promise<string[]> {
    const ws = await loadWorkspace({ 'model.arch': text });
    const doc = ws.doc('model.arch');
    const core = diagnosticLines(doc, d => !isReadiness(d));
    if (core.length > 0) throw new Error(`the test model has core diagnostics:\n${core.join('\n')}`);
    return diagnosticLines(doc, d => isReadiness(d) && (codes.length === 0 || codes.includes(String(d.code))));
}

/** Just `line code` pairs, for tests about where and what rather than the wording. */
export async function codes(text: string, ...only: string[]): Promise<string[]> {
    return (await findings(text, ...only)).map(l => l.replace(/^(\d+):\d+ (\S+).*$/, '$1 $2'));
}

/** The severities of the diagnostics of one code, in line order. */
export async function severities(text: string, code: string): Promise<string[]> {
    const ws = await loadWorkspace({ 'model.arch': text });
    const names = ['', 'error', 'warning', 'info', 'hint'];
    return (ws.doc('model.arch').diagnostics ?? []).filter(d => d.code === code)
        .sort((a, b) => a.range.start.line - b.range.start.line)
        .map(d => names[d.severity ?? 1]);
}

function isReadiness(d: Diagnostic): boolean {
    return RULES_BY_ID.has(String(d.code)) || d.code === 'unknown-rule';
}
