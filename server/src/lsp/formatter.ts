import { AstUtils, CstUtils, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { isModel } from '../language/generated/ast.js';
import { children, isKeyword } from './cst-nodes.js';

/** A member of a block: on its own line one level in, keeping at most one blank line above it. */
const MEMBER: FormattingAction = { options: {}, moves: [{ tabs: 1, lines: 1 }, { tabs: 1, lines: 2 }] };
/** A top-level declaration: on its own line, keeping at most one blank line above it. */
const DECLARATION: FormattingAction = { options: {}, moves: [{ lines: 1 }, { lines: 2 }] };
/** Offsets below this fit a formatting key in a number (see `nodeModeToKey`). */
const SPAN = 2 ** 25;

/**
 * The one canonical layout of `.arch` files:
 * - two spaces of indentation per block level, whatever the editor's settings;
 * - one declaration or property per line; `{` after one space on the declaration's line, `}` on
 *   its own line; an empty block is written `{ }`;
 * - single spaces between tokens (`a -> b`), none before `,` or around the `.` of a dotted path;
 * - blank lines between declarations and between members kept, but at most one; none right after
 *   `{` or before `}`;
 * - comments kept as written: a comment that follows a token on its line stays there (after one
 *   space), a comment on its own line is re-indented (only its first line, so that a block
 *   comment's text is unchanged); `"""` text blocks are single tokens and never touched;
 * - the file ends with one newline.
 * Only whitespace between tokens ever changes, and a document with syntax errors gets no edits
 * (Langium's AbstractFormatter already refuses those).
 */
export class ArchwrightFormatter extends AbstractFormatter {
    protected override format(node: AstNode): void {
        if (isModel(node)) {
            this.formatTopLevel(node);
        } else {
            this.formatNode(node);
        }
    }

    private formatTopLevel(model: AstNode): void {
        const text = AstUtils.getDocument(model).textDocument.getText();
        children(model).filter(child => !child.hidden).forEach((child, i) => {
            const atFileStart = i === 0 && text.slice(0, child.offset).trim() === '';
            this.getNodeFormatter(model).cst([child]).prepend(atFileStart ? Formatting.noSpace() : DECLARATION);
        });
    }

    /**
     * A declaration's or a property's own tokens: one space apart, its block broken into lines.
     * The braces and what lies between them are found among the node's own CST children (Langium's
     * `keyword` and `interior` search the subtree and walk up parent chains: most of the time it
     * took to format 50 000 elements).
     */
    private formatNode(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        const all = children(node);
        const open = all.findIndex(child => isKeyword(child, '{'));
        const close = open < 0 ? -1 : all.findLastIndex(child => isKeyword(child, '}'));
        const hasBlock = open >= 0 && close > open;
        const interior = hasBlock ? all.slice(open + 1, close) : [];
        const own = (hasBlock ? [...all.slice(0, open + 1), ...all.slice(close)] : all).filter(child => !child.hidden);
        own.slice(1).forEach(child => formatter.cst([child]).prepend(isKeyword(child, ',') ? Formatting.noSpace() : Formatting.oneSpace()));
        own.filter(isDottedPath).forEach(path => this.joinDottedPath(node, path));

        interior.forEach((child, i) => formatter.cst([child]).prepend(i === 0 ? Formatting.indent() : MEMBER));
        if (hasBlock) formatter.cst([all[close]]).prepend(interior.length ? Formatting.newLine() : Formatting.oneSpace());
    }

    /** `shop.orders`: no space around the dots. */
    private joinDottedPath(node: AstNode, path: CstNode): void {
        const leaves = CstUtils.streamCst(path).filter(leaf => !leaf.hidden && isLeafCstNode(leaf)).toArray();
        this.getNodeFormatter(node).cst(leaves.slice(1)).prepend(Formatting.noSpace());
    }

    /**
     * Langium keys each formatting by a node's span and mode, as the string `offset:end:mode`, and
     * looks up two keys for every CST node of the file: building and hashing those strings was half
     * the time of formatting a large file. The same span and mode as one number keeps exactly the
     * same meaning (beyond 32 MB into a file, Langium's own key is used: no two keys can meet).
     */
    protected override nodeModeToKey(node: CstNode, mode: 'prepend' | 'append'): string {
        if (node.end >= SPAN) return super.nodeModeToKey(node, mode);
        const key = (node.offset * SPAN + node.end) * 2 + (mode === 'prepend' ? 0 : 1);
        return key as unknown as string;
    }

    // Two-space indentation is part of the canonical layout, whatever the editor asks for.
    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const edits = super.doDocumentFormat(document, { ...options, tabSize: 2, insertSpaces: true }, range);
        const finalNewline = range ? undefined : this.finalNewline(document);
        return finalNewline ? [...edits, finalNewline] : edits;
    }

    private finalNewline(document: LangiumDocument): TextEdit | undefined {
        const text = document.textDocument.getText();
        // Trailing spaces of a last `// comment` belong to the comment: they stay.
        const end = Math.max(text.trimEnd().length, lastTokenEnd(document.parseResult.value.$cstNode));
        if (end === 0 || text.slice(end) === '\n') return undefined;
        const range = { start: document.textDocument.positionAt(end), end: document.textDocument.positionAt(text.length) };
        return { range, newText: '\n' };
    }

    /**
     * Comments. Langium re-indents every line of a comment and leaves the blank lines above it as
     * they are; here only the whitespace before the comment changes, so comments stay exactly as
     * written, and blank lines above a comment collapse like those above a declaration.
     */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const start = hidden.range.start;
        if (!previous) {
            return start.line === 0 && start.character === 0 ? [] : [{ range: { start: { line: 0, character: 0 }, end: start }, newText: '' }];
        }
        const end = previous.range.end;
        if (end.line === start.line) {
            return [{ range: { start: end, end: start }, newText: ' ' }];
        }
        const maxLines = isKeyword(previous, '{') ? 1 : 2;
        const lines = Math.min(start.line - end.line, maxLines);
        const move = this.findFittingMove({ start: end, end: start }, formatting?.moves ?? [], context);
        const indentation = ' '.repeat(this.getIndentationCharacterCount(context, move));
        return [{ range: { start: end, end: start }, newText: '\n'.repeat(lines) + indentation }];
    }
}

/** Where the last token of the file (a comment too: the CST holds them) ends. */
function lastTokenEnd(root: CstNode | undefined): number {
    let node = root;
    while (node && isCompositeCstNode(node) && node.content.length > 0) node = node.content[node.content.length - 1];
    return node && isLeafCstNode(node) ? node.end : 0;
}

function isDottedPath(node: CstNode): boolean {
    return isCompositeCstNode(node) && node.content.some(child => isKeyword(child, '.'));
}
