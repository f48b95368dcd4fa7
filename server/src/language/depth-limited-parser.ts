import {
    AstUtils, CompositeCstNodeImpl, GrammarAST, createParser, CstNodeBuilder, LangiumCompletionParser, LangiumParser, LeafCstNodeImpl, type AstNode, type CompletionParserResult,
    type CompositeCstNode, type CstNode, type RootCstNode, type LangiumCoreServices, type LexerResult, type ParseResult, type ParserOptions
} from 'langium';
import { linkContainers, walkAstNow } from '../util/ast-walk.js';
import { compactAst, type PlacedNodes } from '../util/compact-ast.js';
import { keptRange } from '../util/kept-position.js';
import { FastParser, VALUE_NODE } from './fast-parser.js';
import type { Position, Range } from 'vscode-languageserver';
import type { IRecognitionException, IToken, TokenType } from 'chevrotain';

/**
 * How deep blocks may nest. The parser and Langium's concrete syntax tree recurse once per level
 * (several stack frames each), and about 200 levels overflow Node's stack and end the language
 * server; real models nest a handful of levels. Deeper blocks are skipped with a syntax error.
 */
export const MAX_BLOCK_DEPTH = 100;

const NESTING_TOO_DEEP = 'NestingTooDeep';

/**
 * True when a block nested too deep starts before the offset. Whatever else re-parses the text
 * up to there (completion) would recurse as deep, and must not.
 */
export function followsTooDeepBlock(result: ParseResult, offset: number): boolean {
    return result.parserErrors.some(e => e.name === NESTING_TOO_DEEP && e.token.startOffset < offset);
}

/**
 * Langium's parser, except that a block nested deeper than {@link MAX_BLOCK_DEPTH} is blanked out
 * (every character but line breaks becomes a space, so offsets and lines stay where they are)
 * before parsing, and reported as a syntax error at its `{`; that it builds its syntax tree with
 * {@link LinearCstNodeBuilder}; that a whole file is first given to {@link FastParser}, which
 * builds the same tree for text without syntax errors at a fraction of the cost, and only the
 * files it gives up on to Langium's; and that it recovers from syntax errors faster, to the same
 * result (see {@link rememberRecoveryFollows} and {@link withoutStackTraces}).
 */
export class DepthLimitedParser extends LangiumParser {
    private readonly fast: FastParser;
    /** Whether text without syntax errors goes to {@link FastParser} (off only to compare the two). */
    fastPath = true;
    /** Whether the last parse was the fast parser's. */
    lastParseWasFast = false;

    /** Builds Chevrotain's parser (the rules, then its analysis of the grammar): until then, only the fast parser can parse. */
    private chevrotain: (() => void) | undefined;

    /** The comment rules whose comments document a node (completion and hover show them). */
    private readonly commentRules: readonly string[];

    constructor(services: LangiumCoreServices) {
        super(services);
        this.fast = new FastParser(services);
        this.commentRules = services.parser.GrammarConfig.multilineCommentRules;
        this.chevrotain = () => {
            createParser(services.Grammar, this, services.parser.Lexer.definition);
            this.finalize();
        };
        (this as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new LinearCstNodeBuilder();
        rememberRecoveryFollows((this as unknown as { wrapper: RecoveryInternals }).wrapper);
    }

    /** Whether Chevrotain's parser is built. */
    get chevrotainBuilt(): boolean {
        return this.chevrotain === undefined;
    }

    /**
     * Builds Chevrotain's parser now, if it is not built yet (about 0.2 s of CPU): {@link parse}
     * builds it the first time a text needs it (a syntax error, a rule asked for), which a model
     * without errors never does. The language server builds it once its workspace is built, so
     * that the first typo does not wait for it; the command line's startup snapshot holds it built.
     */
    prepare(): void {
        const build = this.chevrotain;
        this.chevrotain = undefined;
        build?.();
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        return withoutStackTraces(() => this.parseWithinDepth<T>(input, options));
    }

    private parseWithinDepth<T extends AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const tooDeep = roughDepth(input) > MAX_BLOCK_DEPTH ? this.tooDeepBlocks(input) : [];
        if (tooDeep.length === 0) return this.parseText<T>(input, options);
        let text = input;
        for (const { start, end } of tooDeep) {
            text = text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
        }
        const result = this.parseText<T>(text, options);
        const errors: IRecognitionException[] = tooDeep.map(({ open }) => ({
            name: NESTING_TOO_DEEP,
            message: `This block is nested more than ${MAX_BLOCK_DEPTH} levels deep; Archwright skips what is inside it. Move its parts up a level.`,
            token: open,
            resyncedTokens: [],
            context: { ruleStack: [], ruleOccurrenceStack: [] }
        }));
        return { ...result, parserErrors: [...errors, ...result.parserErrors] };
    }

    /**
     * A text without lexer errors goes to {@link FastParser} first (unless a rule is asked for).
     * Otherwise, or when it gives up, Langium's `parse`, step for step, except for its last: the
     * AST's containers are set by {@link linkContainers}, where Langium's `linkContentToContainer`
     * made an array of entries and a closure for every node (a tenth of the time of parsing a
     * file). The steps use the parser's private members, named in {@link ParserInternals};
     * test/language/parser-recovery.test.ts and fast-parser.test.ts check the trees against
     * Langium's own parser.
     */
    private parseText<T extends AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const self = this as unknown as ParserInternals;
        const lexed = this.lexer.tokenize(input);
        this.lastParseWasFast = false;
        if (!options?.rule && lexed.errors.length === 0 && this.fastPath) {
            // Text without errors: the fast parser builds what the steps below would (see fast-parser.ts);
            // for a file that is not open, placeholders where its CST nodes would be (CstStore).
            const builder = (options as CstOptions | undefined)?.withoutCst ? new PlaceholderCstNodeBuilder(VALUE_NODE, this.commentRules) as unknown as CstNodeBuilder : self.nodeBuilder;
            builder.buildRootNode(input);
            const value = this.fast.parse(lexed.tokens, lexed.hidden, builder) as T | undefined;
            if (value) {
                this.lastParseWasFast = true;
                if (builder instanceof PlaceholderCstNodeBuilder && !builder.placeable) unplace(value);
                builder.addHiddenNodes(this.fast.trailingHidden());
                linkContainers(value);
                // A closed file's nodes live as long as it: each with its properties inside it (util/compact-ast.ts).
                const kept = builder instanceof PlaceholderCstNodeBuilder ? compactAst(value, (options as CstOptions).placedNodes) as T : value;
                return { value: kept, lexerErrors: lexed.errors, lexerReport: lexed.report, parserErrors: [] };
            }
        }
        self.nodeBuilder.buildRootNode(input);
        this.prepare();
        self.lexerResult = lexed;
        this.wrapper.input = lexed.tokens;
        const rule = options?.rule ? this.allRules.get(options.rule) : this.mainRule;
        if (!rule) throw new Error(options?.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        const value = self.doParse(rule) as T;
        self.nodeBuilder.addHiddenNodes(lexed.hidden);
        this.unorderedGroups.clear();
        self.lexerResult = undefined;
        linkContainers(value);
        return { value, lexerErrors: lexed.errors, lexerReport: lexed.report, parserErrors: this.wrapper.errors };
    }

    /** The outermost blocks that open deeper than the limit: from their `{` to their `}` (or the end). */
    private tooDeepBlocks(input: string): { open: IToken; start: number; end: number }[] {
        const blocks: { open: IToken; start: number; end: number }[] = [];
        let depth = 0;
        let open: IToken | undefined;
        for (const token of this.lexer.tokenize(input).tokens) {
            const image = token.tokenType.name;
            if (image === '{') {
                depth++;
                if (depth === MAX_BLOCK_DEPTH + 1) open = token;
            } else if (image === '}' && depth > 0) {
                depth--;
                if (depth === MAX_BLOCK_DEPTH && open) {
                    blocks.push({ open, start: open.startOffset, end: token.startOffset + 1 });
                    open = undefined;
                }
            }
        }
        if (open) blocks.push({ open, start: open.startOffset, end: input.length });
        return blocks;
    }
}

/** Parser options of Archwright's: `withoutCst` asks for the AST alone (with {@link CstPlaceholder}s), when the fast parser can take the text. */
export interface CstOptions extends ParserOptions {
    withoutCst?: boolean;
    /** With `withoutCst`: the nodes whose placeholders become two numbers in the node (CstStore's PLACED_NODES). */
    placedNodes?: PlacedNodes;
}

/**
 * Where a CST node would be in a tree parsed without one: it knows its grammar element (the value
 * converter reads it) and is replaced by a stand-in as soon as the document is made (CstStore).
 *
 * It also knows where its node was written, for the ArchModel, which reads the places of every
 * declaration and property when it is first built (see {@link PlacedLazyCstNode}): its range (its
 * first and last tokens, as Langium's composite nodes have it) and, for a node that has them, its
 * {@link Marks}. Positions are {@link packSmall}ed; {@link NOWHERE} where there is none.
 */
export class CstPlaceholder {
    astNode: unknown;
    start = NOWHERE;
    end = NOWHERE;
    /** Offsets of the first token's start and the last token's end (while the file is parsed). */
    startOffset = NOWHERE;
    endOffset = NOWHERE;
    /** The multi-line comment right before the first token, if there is one (Langium's `findCommentNode`). */
    comment: string | undefined;
    marks: Marks | undefined;
    constructor(readonly grammarSource: GrammarAST.AbstractElement | undefined) {}
}

/**
 * What requests and the ArchModel read of a declaration's own tokens (its own: not those of the AST
 * nodes it contains), each place a {@link packSmall}ed position or {@link NOWHERE}: its name (the
 * first of its own nodes assigned to `name`, as Langium's `findAssignment` and `findNodeForProperty`
 * find it), with its offsets for the workspace's symbols; the first keyword token in
 * {@link NAME_KEYWORDS} written in the node itself (not in an id: `architecture` may be one); the
 * start of its first `{` and of its last `}`; and the comment right before the node (completion and
 * hover show it).
 */
export interface Marks {
    nameStart: number;
    nameEnd: number;
    /** The name's offsets (its start, and its end: the offset after it). */
    nameOffset: number;
    nameEndOffset: number;
    keywordStart: number;
    keywordEnd: number;
    open: number;
    close: number;
    comment: string | undefined;
}

/** The keywords that stand for a declaration's name where it has none: `architecture`, and a flow's arrow. */
export const NAME_KEYWORDS: readonly string[] = ['architecture', '->'];

/** No place: not known, or past what {@link packSmall} holds. */
export const NOWHERE = -1;

/** Lines and characters that {@link packSmall} holds: 65,536 lines of 16,384 characters, so that a place is a small integer (a V8 Smi, kept inside its object). */
const SMALL_CHARACTER_BITS = 14;
const SMALL_LINES = 2 ** 16;
const SMALL_CHARACTERS = 2 ** SMALL_CHARACTER_BITS;

/** A position as one small integer, or {@link NOWHERE} when it is past what one holds. */
export function packSmall(line: number, character: number): number {
    // `| 0`: Chevrotain's tokens hold their lines and columns as doubles in V8 (its end-of-input
    // token's are NaN), and arithmetic on a double gives one; a place must be a small integer.
    return line < SMALL_LINES && character < SMALL_CHARACTERS ? (line * SMALL_CHARACTERS + character) | 0 : NOWHERE;
}

/** The line of a {@link packSmall}ed position. */
export function smallLine(packed: number): number {
    return packed >> SMALL_CHARACTER_BITS;
}

/** The character of a {@link packSmall}ed position. */
export function smallCharacter(packed: number): number {
    return packed % SMALL_CHARACTERS;
}

/**
 * What the fast parser calls of Langium's CST builder, building only {@link CstPlaceholder}s: one
 * per rule call, none per token. Each placeholder learns its range from the tokens built inside it,
 * and the {@link Marks} of its own tokens; a data type rule's (an id, a name) are its caller's own.
 * Should any token lie past what {@link packSmall} holds, no placeholder of the file has a place.
 */
class PlaceholderCstNodeBuilder {
    private readonly stack: CstPlaceholder[] = [];
    private readonly token = new CstPlaceholder(undefined);
    /** False once a token lies past what {@link packSmall} holds: then no placeholder of the file may be read for places ({@link unplace}). */
    placeable = true;
    /** The comments between the last token built and the next. */
    private hidden: IToken[] | undefined;

    constructor(private readonly valueNode: object, private readonly commentRules: readonly string[]) {}

    buildRootNode(): CstPlaceholder {
        const root = new CstPlaceholder(undefined);
        this.stack.length = 0;
        this.stack.push(root);
        this.placeable = true;
        return root;
    }

    buildCompositeNode(feature: GrammarAST.AbstractElement): CstPlaceholder {
        const node = new CstPlaceholder(feature);
        this.stack.push(node);
        return node;
    }

    /** One placeholder for every token: the value converter reads its grammar element at once, and nothing keeps it. */
    buildLeafNode(token: IToken, feature: GrammarAST.AbstractElement): CstPlaceholder {
        (this.token as { grammarSource: GrammarAST.AbstractElement | undefined }).grammarSource = feature;
        const start = packSmall(token.startLine! - 1, token.startColumn! - 1);
        const end = packSmall(token.endLine! - 1, token.endColumn!);
        if (start === NOWHERE || end === NOWHERE) this.placeable = false;
        const top = this.stack[this.stack.length - 1];
        const hidden = this.hidden;
        this.hidden = undefined;
        if (top.startOffset === NOWHERE) {
            top.start = start;
            top.startOffset = token.startOffset;
            const before = hidden?.[hidden.length - 1];
            if (before && this.commentRules.includes(before.tokenType.name)) top.comment = before.image;
        }
        top.end = end;
        top.endOffset = token.startOffset + token.image.length;
        if (GrammarAST.isKeyword(feature)) {
            const value = feature.value;
            if (value === '{') {
                if (marksOf(top).open === NOWHERE) marksOf(top).open = start;
            } else if (value === '}') {
                marksOf(top).close = start;
            } else if (NAME_KEYWORDS.includes(value) && marksOf(top).keywordStart === NOWHERE) {
                marksOf(top).keywordStart = start;
                marksOf(top).keywordEnd = end;
            }
        } else if (isAssignedToName(feature)) {
            nameInto(top, start, end, token.startOffset, token.startOffset + token.image.length);
        }
        return this.token;
    }

    construct(item: { $cstNode?: unknown }): void {
        const done = this.stack.pop()!;
        const inner = item.$cstNode;
        item.$cstNode = done;
        const outer = this.stack[this.stack.length - 1];
        if (inner instanceof CstPlaceholder && !done.marks) {
            // A rule called without an assignment: the node's own tokens are those of the rule it called.
            done.marks = inner.marks;
        }
        if (item !== this.valueNode && done.comment !== undefined) marksOf(done).comment = done.comment;
        if (!outer || done.startOffset === NOWHERE) return;
        if (outer.startOffset === NOWHERE) {
            outer.start = done.start;
            outer.startOffset = done.startOffset;
            outer.comment = done.comment;
        }
        outer.end = done.end;
        outer.endOffset = done.endOffset;
        if (item === this.valueNode) {
            // A data type rule's nodes are its caller's own (Langium's `findAssignment` looks through them).
            if (done.grammarSource && isAssignedToName(done.grammarSource)) nameInto(outer, done.start, done.end, done.startOffset, done.endOffset);
            if (done.marks) mergeMarks(outer, done.marks);
        }
    }

    addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length > 0) this.hidden = tokens;
    }
}

/** Forgets the places of every placeholder of the tree: some token lies past what a small integer holds. */
function unplace(root: AstNode): void {
    walkAstNow(root, node => {
        const placeholder = node.$cstNode;
        if (!(placeholder instanceof CstPlaceholder)) return;
        placeholder.start = placeholder.end = NOWHERE;
        placeholder.marks = undefined;
    });
}

function marksOf(placeholder: CstPlaceholder): Marks {
    return placeholder.marks ??= {
        nameStart: NOWHERE, nameEnd: NOWHERE, nameOffset: NOWHERE, nameEndOffset: NOWHERE, keywordStart: NOWHERE, keywordEnd: NOWHERE, open: NOWHERE, close: NOWHERE, comment: undefined
    };
}

function nameInto(placeholder: CstPlaceholder, start: number, end: number, offset: number, endOffset: number): void {
    const marks = marksOf(placeholder);
    if (marks.nameOffset !== NOWHERE) return;
    marks.nameStart = start;
    marks.nameEnd = end;
    marks.nameOffset = offset;
    marks.nameEndOffset = endOffset;
}

/** A data type rule's marks, in its caller's: the first name and `{`, the last `}`; not its keywords (an id may be a keyword). */
function mergeMarks(outer: CstPlaceholder, inner: Marks): void {
    if (inner.nameOffset !== NOWHERE) nameInto(outer, inner.nameStart, inner.nameEnd, inner.nameOffset, inner.nameEndOffset);
    const marks = marksOf(outer);
    if (marks.open === NOWHERE) marks.open = inner.open;
    if (inner.close !== NOWHERE) marks.close = inner.close;
}

/** Whether the grammar element is inside an assignment to `name` (cached: the grammar does not change). */
function isAssignedToName(feature: GrammarAST.AbstractElement): boolean {
    let known = assignedToName.get(feature);
    if (known === undefined) {
        known = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment)?.feature === 'name';
        assignedToName.set(feature, known);
    }
    return known;
}

const assignedToName = new WeakMap<GrammarAST.AbstractElement, boolean>();

/** The private members of Langium's parser that {@link DepthLimitedParser.parseText} uses. */
interface ParserInternals {
    nodeBuilder: CstNodeBuilder;
    lexerResult: LexerResult | undefined;
    doParse(rule: unknown): AstNode;
}

/**
 * Langium's parser asks its tree builder to place the comments before every token it consumes,
 * also when there are none; placing nothing still searches the parent's children for the node
 * being built, which at the top level of a file is every declaration so far: quadratic in the
 * number of declarations (two of the ten seconds of parsing 30 000 elements). With no comments to
 * place, there is nothing to search for.
 */
export class LinearCstNodeBuilder extends CstNodeBuilder {
    /** The shift of the tokens being built: one per top-level node, shared with the comments before it (see {@link ShiftableLeafCstNode}). */
    private shift: LeafShift = newShift();

    override buildRootNode(input: string): RootCstNode {
        this.shift = newShift();
        return super.buildRootNode(input);
    }

    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length > 0) super.addHiddenNodes(tokens);
    }

    /** As Langium's, with a node that does not keep its range (see {@link UnkeptRangeCompositeCstNode}). */
    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const nodeStack = (this as unknown as { nodeStack: CompositeCstNode[] }).nodeStack;
        // A node of the top level (a declaration) starts a run of tokens of its own.
        if (nodeStack.length === 1) this.shift = newShift();
        const node = new UnkeptRangeCompositeCstNode();
        node.grammarSource = feature;
        this.appendChild(this.current, node);
        nodeStack.push(node);
        return node;
    }

    /** As Langium's, with a token that moves with the others of its run (see {@link ShiftableLeafCstNode}). */
    override createLeafNode(token: IToken, hidden: boolean): LeafCstNodeImpl {
        // Tokens are built in the order of the text: the first of a run is on its first line.
        if (this.shift.firstLine < 0) this.shift.firstLine = token.startLine! - 1;
        return new ShiftableLeafCstNode(token.startOffset, token.image.length, token.startLine! - 1, token.startColumn! - 1, token.endLine! - 1, token.endColumn!,
            token.tokenType, hidden, this.shift);
    }
}

/**
 * Where a run of tokens is now, against where they were parsed: their offsets and lines moved by
 * `offset` and `lines`, and the columns of those on their first line (`firstLine`, as parsed) by
 * `columns`. An edit moves the tokens after it, but it can only move the columns of the tokens
 * on the line where it ends; which are, of each run after it, those of the run's first line.
 */
export interface LeafShift {
    offset: number;
    lines: number;
    /** The line, as parsed, of the run's first token; -1 until it is built. */
    firstLine: number;
    columns: number;
}

function newShift(): LeafShift {
    return { offset: 0, lines: 0, firstLine: -1, columns: 0 };
}

/** A move of the text after an edit: by an offset and lines, and on one line (as it was) by columns. */
export interface Move {
    offset: number;
    lines: number;
    /** The line (before the move) whose tokens also move by `columns`. */
    columnsOnLine: number;
    columns: number;
}

/** Moves a run of tokens (see {@link Move}). */
export function moveShift(shift: LeafShift, by: Move): void {
    if (shift.firstLine + shift.lines === by.columnsOnLine) shift.columns += by.columns;
    shift.offset += by.offset;
    shift.lines += by.lines;
}

/**
 * A token of Langium's CST whose position is where it was parsed plus the shift of its run: all
 * the tokens of a top-level declaration (and the comments before it) share one. Incremental
 * parsing (incremental-parse.ts) moves what follows an edit by moving a shift per declaration,
 * where it moved each of their tokens (3.5 to 4 ms of each edit in the 5,520-line file of the
 * benchmark's M model).
 */
export class ShiftableLeafCstNode extends LeafCstNodeImpl {
    private _shift: LeafShift;

    constructor(offset: number, length: number, startLine: number, startColumn: number, endLine: number, endColumn: number, tokenType: TokenType,
        hidden: boolean, shift: LeafShift) {
        super(offset, length, startLine, startColumn, endLine, endColumn, tokenType, hidden);
        this._shift = shift;
    }

    /** The shift of the token's run. */
    get shift(): LeafShift {
        return this._shift;
    }

    /** Puts the token at the given place, in the terms of the given shift, which becomes its own. */
    place(shift: LeafShift, offset: number, start: Position, end: Position): void {
        const fields = this as unknown as LeafFields;
        this._shift = shift;
        fields._offset = offset - shift.offset;
        fields._startLine = start.line - shift.lines;
        fields._startColumn = start.character - (fields._startLine === shift.firstLine ? shift.columns : 0);
        fields._endLine = end.line - shift.lines;
        fields._endColumn = end.character - (fields._endLine === shift.firstLine ? shift.columns : 0);
    }

    override get offset(): number {
        return (this as unknown as LeafFields)._offset + this._shift.offset;
    }

    override get end(): number {
        const fields = this as unknown as LeafFields;
        return fields._offset + this._shift.offset + fields._length;
    }

    /** Where the token is now, as new objects. */
    override get range(): Range {
        return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
    }

    /** The line where the token starts now. */
    get startLine(): number {
        return (this as unknown as LeafFields)._startLine + this._shift.lines;
    }

    /** The line where the token ends now. */
    get endLine(): number {
        return (this as unknown as LeafFields)._endLine + this._shift.lines;
    }

    /** The character where the token starts now. */
    get startCharacter(): number {
        const fields = this as unknown as LeafFields;
        return fields._startColumn + (fields._startLine === this._shift.firstLine ? this._shift.columns : 0);
    }

    /** The character where the token ends now. */
    get endCharacter(): number {
        const fields = this as unknown as LeafFields;
        return fields._endColumn + (fields._endLine === this._shift.firstLine ? this._shift.columns : 0);
    }
}

/** Langium's private fields of a token, read by {@link ShiftableLeafCstNode}. */
interface LeafFields {
    _offset: number;
    _length: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

/**
 * A composite CST node that works its range out each time it is asked. Langium's keeps the range
 * it was first asked for (a range and two positions, ~120 bytes a node, for as long as the tree
 * lives): the ArchModel asks for the range of every declaration and property, the reference index
 * for every reference, which filled nearly every node's, 41 MB of the 433 MB live heap at L, for
 * ranges nothing asks for again. Working it out is a walk down the first and the last child, to
 * their tokens, making only the range and its two positions: they are new objects, never shared
 * with another range or with each other (the ArchModel relies on that, see `model-builder.ts`).
 */
export class UnkeptRangeCompositeCstNode extends CompositeCstNodeImpl {
    override get range(): Range {
        startInto(this);
        const start = { line: startFound.line, character: startFound.character };
        // As Langium's, an end before the start (error recovery) is the start; here a copy of it.
        endInto(this, start.line, start.character);
        return { start, end: { line: endFound.line, character: endFound.character } };
    }
}

/**
 * The node's range as new objects, shared with nothing: the ranges of this parser's nodes are made
 * so; any other's (Langium's root node keeps its range) is copied.
 */
export function freshRange(cst: CstNode): Range {
    if (cst instanceof UnkeptRangeCompositeCstNode || cst instanceof ShiftableLeafCstNode) return cst.range;
    return keptRange(cst.range);
}

/**
 * Appends the node's range to `out` as four numbers (start line and character, end line and
 * character), worked out as its range is but without making it.
 */
export function pushRange(node: CstNode, out: number[]): void {
    startInto(node);
    const line = startFound.line;
    const character = startFound.character;
    endInto(node, line, character);
    out.push(line, character, endFound.line, endFound.character);
}

/** Appends the node's start to `out` as two numbers (line and character), worked out as its range is but without making it. */
export function pushStart(node: CstNode, out: number[]): void {
    startInto(node);
    out.push(startFound.line, startFound.character);
}

/** The first child that is not hidden (a comment or whitespace), or else the first. */
function firstShown(content: readonly CstNode[]): CstNode | undefined {
    for (let i = 0; i < content.length; i++) if (!content[i].hidden) return content[i];
    return content[0];
}

/** The last child that is not hidden, or else the last. */
function lastShown(content: readonly CstNode[]): CstNode | undefined {
    for (let i = content.length - 1; i >= 0; i--) if (!content[i].hidden) return content[i];
    return content[content.length - 1];
}

/** Where {@link startInto} and {@link endInto} leave their answers: one object each, so that nothing is made. */
const startFound = { line: 0, character: 0 };
const endFound = { line: 0, character: 0 };

/** A node's start, into {@link startFound}: its first shown token's, as Langium's composite ranges have it. */
function startInto(node: CstNode): void {
    let current = node;
    while (current instanceof UnkeptRangeCompositeCstNode) {
        const first = firstShown(current.content);
        if (!first) {
            startFound.line = 0;
            startFound.character = 0;
            return;
        }
        current = first;
    }
    if (current instanceof ShiftableLeafCstNode) {
        startFound.line = current.startLine;
        startFound.character = current.startCharacter;
    } else {
        const { start } = current.range;
        startFound.line = start.line;
        startFound.character = start.character;
    }
}

/**
 * A node's end, given its start, into {@link endFound}: its last shown child's end, or the start
 * when that end comes on an earlier line, at each level, as Langium's composite ranges have it.
 */
function endInto(node: CstNode, startLine: number, startCharacter: number): void {
    if (node instanceof ShiftableLeafCstNode) {
        endFound.line = node.endLine;
        endFound.character = node.endCharacter;
        return;
    }
    if (!(node instanceof UnkeptRangeCompositeCstNode)) {
        const { end } = node.range;
        endFound.line = end.line;
        endFound.character = end.character;
        return;
    }
    const content = node.content;
    const last = lastShown(content);
    if (!last) {
        endFound.line = 0;
        endFound.character = 0;
    } else if (last === firstShown(content)) {
        endInto(last, startLine, startCharacter);
    } else {
        startInto(last);
        endInto(last, startFound.line, startFound.character);
    }
    if (endFound.line < startLine) {
        endFound.line = startLine;
        endFound.character = startCharacter;
    }
}

/**
 * How many lines after its first the node's range ends (`range.end.line - range.start.line`),
 * worked out as its range is but without making it: for a walk that only needs to know whether
 * a node spans lines, over every node of a file.
 */
export function linesSpanned(node: CstNode): number {
    startInto(node);
    const line = startFound.line;
    endInto(node, line, startFound.character);
    return endFound.line - line;
}

/**
 * Whether the node's range is the one given, line and character, worked out as its range is but
 * without making it: for a check of every declaration of a file on every edit.
 */
export function hasRange(node: CstNode, startLine: number, startCharacter: number, endLine: number, endCharacter: number): boolean {
    startInto(node);
    if (startFound.line !== startLine || startFound.character !== startCharacter) return false;
    endInto(node, startLine, startCharacter);
    return endFound.line === endLine && endFound.character === endCharacter;
}

/**
 * Langium's parser for completion (it parses the text up to the cursor to learn what may come
 * next), recovering from syntax errors as quickly as {@link DepthLimitedParser}: completion at the
 * end of a line of 100,000 errors took 33 s.
 */
export class QuickRecoveryCompletionParser extends LangiumCompletionParser {
    constructor(services: LangiumCoreServices) {
        super(services);
        rememberRecoveryFollows((this as unknown as { wrapper: RecoveryInternals }).wrapper);
    }

    override parse(input: string): CompletionParserResult {
        return withoutStackTraces(() => super.parse(input));
    }
}

/** Builds the completion parser as Langium's `createCompletionParser` builds its own. */
export function createQuickRecoveryCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    const parser = new QuickRecoveryCompletionParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}

/**
 * Chevrotain signals each syntax error with an exception, and V8 records a stack trace for each
 * (twice); nothing reads them, and on a file with many errors they were a fifth of the parse.
 */
function withoutStackTraces<T>(parse: () => T): T {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return parse();
    } finally {
        Error.stackTraceLimit = limit;
    }
}

/** The parts of Chevrotain's recognizer that in-rule recovery reads (not in its public types). */
interface RecoveryInternals {
    getFollowsForInRuleRecovery(tokType: TokenType, tokIdxInRule: number): TokenType[];
    RULE_STACK: number[];
    RULE_STACK_IDX: number;
    RULE_OCCURRENCE_STACK: number[];
    RULE_OCCURRENCE_STACK_IDX: number;
}

const MAX_REMEMBERED_FOLLOWS = 10_000;

/**
 * Before recovering from a missing or unexpected token, Chevrotain works out which tokens may
 * follow it by walking the grammar from the top rule down the current rule stack, anew for every
 * syntax error: about 0.1 ms each, most of the 18 s it took to parse a line of 100,000 errors. The
 * answer depends only on the token, its place in its rule and the rule stack with each rule's
 * occurrence, so it is remembered per parser under that key.
 */
function rememberRecoveryFollows(recognizer: RecoveryInternals): void {
    const walk = recognizer.getFollowsForInRuleRecovery.bind(recognizer);
    const remembered = new Map<string, TokenType[]>();
    recognizer.getFollowsForInRuleRecovery = (tokType, tokIdxInRule) => {
        const rules = recognizer.RULE_STACK.slice(0, recognizer.RULE_STACK_IDX + 1).join(',');
        const occurrences = recognizer.RULE_OCCURRENCE_STACK.slice(0, recognizer.RULE_OCCURRENCE_STACK_IDX + 1).join(',');
        const key = `${tokType.tokenTypeIdx}:${tokIdxInRule}:${rules}:${occurrences}`;
        let follows = remembered.get(key);
        if (!follows) {
            if (remembered.size >= MAX_REMEMBERED_FOLLOWS) remembered.clear();
            follows = walk(tokType, tokIdxInRule);
            remembered.set(key, follows);
        }
        return follows;
    };
}

/** The deepest nesting of braces, counting those in strings and comments too: never less than the real depth, and cheap. */
function roughDepth(text: string): number {
    let depth = 0;
    let max = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 123) max = Math.max(max, ++depth);
        else if (c === 125 && depth > 0) depth--;
    }
    return max;
}

/** The depth-limited parser; Chevrotain's parser in it is built when first needed ({@link DepthLimitedParser.prepare}). */
export function createDepthLimitedParser(services: LangiumCoreServices): LangiumParser {
    return new DepthLimitedParser(services);
}
