import type { Position, Range } from 'vscode-languageserver';
import type { FixData } from '../model/diagnostic.js';

// The text of the readiness quick fixes, computed from the file's text alone so that it is easy
// to test: where a property goes, with which indentation, and how a snippet reads as plain text.

/** An edit whose `text` is snippet syntax (`replicas ${1:2}`): plain text goes through toPlainText. */
export interface SnippetEdit { range: Range; text: string }

/** The file's indentation unit: a tab, or the smallest run of leading spaces; two spaces by default. */
export function indentUnit(text: string): string {
    let smallest = Infinity;
    for (const line of text.split(/\r?\n/)) {
        if (line.startsWith('\t')) return '\t';
        const spaces = /^( +)\S/.exec(line)?.[1].length;
        if (spaces !== undefined && spaces < smallest) smallest = spaces;
    }
    return Number.isFinite(smallest) ? ' '.repeat(smallest) : '  ';
}

function lineAt(text: string, line: number): string {
    return text.split(/\r?\n/)[line] ?? '';
}

function indentOf(text: string, line: number): string {
    return /^[ \t]*/.exec(lineAt(text, line))![0];
}

/** Escapes literal text for a snippet. */
function literal(text: string): string {
    return text.replace(/[$}\\]/g, ch => `\\${ch}`);
}

/** The snippet with each placeholder replaced by its default (the first choice of a choice). */
export function toPlainText(snippet: string): string {
    return snippet
        .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{?\d+\}?/g, '')
        .replace(/\\([$}\\])/g, '$1');
}

/**
 * Adds `lines` (snippet syntax, one property per line) to the block of a declaration: before its
 * closing brace, one indentation unit deeper than the declaration's line; or, when it has no
 * block, in a new block after it.
 */
export function addToBlock(text: string, subject: FixData['subject'], snippet: string): SnippetEdit {
    const unit = indentUnit(text);
    const outer = indentOf(text, subject.full.start.line);
    const body = snippet.split('\n').map(line => literal(outer + unit) + line).join('\n');
    if (!subject.block) {
        return { range: { start: subject.full.end, end: subject.full.end }, text: ` {\n${body}\n${literal(outer)}\\}` };
    }
    const close = subject.block.close;
    const before = lineAt(text, close.line).slice(0, close.character);
    if (before.trim() === '') {
        const start: Position = { line: close.line, character: 0 };
        return { range: { start, end: start }, text: `${body}\n` };
    }
    if (subject.block.open.line === close.line && !snippet.includes('\n')) {
        // `{ protocol gRPC }` stays on one line: `{ protocol gRPC async }`.
        const start: Position = { line: close.line, character: before.trimEnd().length };
        return { range: { start, end: close }, text: ` ${snippet} ` };
    }
    // Content before the brace on its line: move the brace to a line of its own.
    const start: Position = { line: close.line, character: before.trimEnd().length };
    return { range: { start, end: close }, text: `\n${body}\n${literal(outer)}` };
}

/** Replaces a property in place; later lines of a multi-line snippet keep the property's indentation. */
export function replaceProperty(text: string, range: Range, snippet: string): SnippetEdit {
    const indent = literal(indentOf(text, range.start.line));
    return { range, text: snippet.split('\n').join(`\n${indent}`) };
}

/** The edit of the property fix of a readiness diagnostic. */
export function propertyEdit(text: string, fix: FixData & { insert: string }): SnippetEdit {
    return fix.replace ? replaceProperty(text, fix.replace, fix.insert) : addToBlock(text, fix.subject, fix.insert);
}

/**
 * The edit of "allow here": `allow RULE "reason"` in the subject's block (the view's for a step),
 * or `rule RULE off` in the architecture's, or a new architecture declaration when there is none.
 */
export function allowEdit(text: string, fix: FixData): SnippetEdit {
    if (fix.subjectKind !== 'architecture') return addToBlock(text, fix.subject, `allow ${fix.rule} "\${1:reason}"`);
    const { start, end } = fix.subject.full;
    if (start.line === end.line && start.character === end.character) {
        const top: Position = { line: 0, character: 0 };
        return { range: { start: top, end: top }, text: `architecture {\n${literal(indentUnit(text))}rule ${fix.rule} off\n\\}\n\n` };
    }
    return addToBlock(text, fix.subject, `rule ${fix.rule} off`);
}
