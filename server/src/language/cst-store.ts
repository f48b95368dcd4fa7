import { AstUtils, isAstNode, isReference, type AstNode, type CompositeCstNode, type DocumentSegment, type CstNode, type GrammarAST, type LangiumDocument, type ParseResult, type Reference, type URI } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';
import type { TokenType } from 'chevrotain';
import { CstPlaceholder, NOWHERE, smallCharacter, smallLine, type Marks } from './depth-limited-parser.js';
import { containerOf, referencesOf, walkAstNow } from '../util/ast-walk.js';
import type { PlacedNodes } from '../util/compact-ast.js';
import { KeptPosition } from '../util/kept-position.js';

/**
 * Langium's concrete syntax tree (CST) is half of what the language server keeps alive: a node per
 * rule call and per token, for every file of the workspace (about 150 MB of 320 MB at the
 * benchmark's L model). Yet only open files need theirs all the time (incremental parsing,
 * formatting, semantic highlighting, folding); another file's is read now and then, for the place of
 * a name, a reference or a diagnostic, or when a build links and validates it again.
 *
 * So the tree of a file that is not open is dropped: each AST node's `$cstNode` and each
 * reference's `$refNode` becomes a {@link LazyCstNode} that stands in for it (one small object, no
 * tree behind it). When one is read, the file's text is parsed again and its new tree is grafted
 * onto the AST that is kept (the same text parses to the same tree: the parser is deterministic),
 * so that every node, reference and CST node points where it pointed before, and the stand-ins now
 * answer from the real nodes. A few files' trees stay (the ones read last, {@link CAPACITY}); the
 * rest are dropped again when more are made, and all closed files' after each build. A file that is
 * not open is parsed without a tree in the first place (the fast parser's `CstPlaceholder`s).
 *
 * Nothing else may hold on to a CST node of another file across builds (it would keep that file's
 * whole tree alive): the index's descriptions read places from the nodes each time they are asked.
 */
export class CstStore {
    /** Closed files whose tree is real, oldest first (a Map keeps insertion order). */
    private readonly real = new Map<LangiumDocument, true>();
    /** Files whose tree is dropped (stand-ins in place). */
    private readonly dropped = new WeakSet<LangiumDocument>();
    /** How many trees were made again (for tests and measurements). */
    remade = 0;
    /** False where every tree is read once in one build (the command line): nothing is dropped. */
    enabled = true;
    /** Called with each document whose real tree is about to be dropped, to keep what is read often (see {@link onDrop}). */
    private readonly dropListeners: ((document: LangiumDocument) => void)[] = [];

    constructor(
        private readonly parse: (document: LangiumDocument) => ParseResult<AstNode>,
        private readonly isOpenUri: (uri: URI) => boolean
    ) {}

    private isOpen(document: LangiumDocument): boolean {
        return this.isOpenUri(document.uri);
    }

    /** Whether a new document at `uri` is best parsed without its tree: it is not open (and trees are dropped at all). */
    wantsNoTree(uri: URI): boolean {
        return this.enabled && !this.isOpenUri(uri);
    }

    /** Whether the document's tree is dropped. */
    isDropped(document: LangiumDocument): boolean {
        return this.dropped.has(document);
    }

    /** A document has a real tree now (parsed, or made again): the oldest closed ones beyond the capacity are dropped. */
    noteReal(document: LangiumDocument): void {
        if (!this.enabled) return;
        this.real.delete(document);
        this.real.set(document, true);
        if (this.real.size <= CAPACITY) return;
        for (const doc of this.real.keys()) {
            if (this.real.size <= CAPACITY) break;
            if (doc === document || this.isOpen(doc)) continue;
            this.drop(doc);
        }
    }

    /** Drops the trees of every file that is not open. */
    dropClosed(): void {
        for (const doc of [...this.real.keys()]) if (!this.isOpen(doc)) this.drop(doc);
    }

    /**
     * Makes sure the document's tree is real before it is parsed again: false when it cannot be
     * made (its text no longer gives its AST), and then the document has no tree at all, so that it
     * is parsed in full (Langium compares the old tree's text with the new one).
     */
    ensure(document: LangiumDocument): boolean {
        if (!this.dropped.has(document)) return true;
        try {
            this.remake(document);
            return true;
        } catch {
            (document.parseResult.value as { $cstNode?: CstNode }).$cstNode = undefined;
            this.dropped.delete(document);
            return false;
        }
    }

    /**
     * Registers what to keep of a tree before it is dropped: what requests read of every file, such
     * as the places of the names the workspace's symbols list, or the comments completion shows
     * for every candidate, which would otherwise make every file's tree again on each request.
     */
    onDrop(listener: (document: LangiumDocument) => void): void {
        this.dropListeners.push(listener);
    }

    /** Puts stand-ins in place of the document's tree. */
    drop(document: LangiumDocument): void {
        this.real.delete(document);
        if (this.dropped.has(document)) return;
        const root = document.parseResult.value;
        if (!root.$cstNode) return;
        if (!(root.$cstNode instanceof CstPlaceholder)) for (const listener of this.dropListeners) listener(document);
        stores.set(document, this);
        walkAstNow(root, node => {
            if (isPlaced(node)) {
                // Its stand-in is made from its place when it is read; a real node written since is forgotten.
                if (Object.hasOwn(node, '$cstNode')) delete (node as { $cstNode?: CstNode }).$cstNode;
            } else if (node.$cstNode && !(node.$cstNode instanceof LazyCstNode)) {
                (node as { $cstNode?: CstNode }).$cstNode = standInFor(node);
            }
            for (const { reference } of referencesOf(node)) {
                if (reference.$refNode && !(reference.$refNode instanceof LazyCstNode)) (reference as { $refNode?: CstNode }).$refNode = new LazyCstNode(reference as Reference);
            }
        });
        this.dropped.add(document);
    }

    /** Parses the document's text again and grafts the new tree onto the AST it keeps. */
    private remake(document: LangiumDocument): void {
        const fresh = this.parse(document).value;
        const nodes: AstNode[] = [];
        const references: Reference[] = [];
        if (!pair(document.parseResult.value, fresh, nodes, references)) {
            throw new Error(`Archwright could not rebuild the syntax tree of ${document.uri.toString()}: its text no longer parses to the tree it has.`);
        }
        const kept = new Map<AstNode, AstNode>();
        for (let i = 0; i < nodes.length; i += 2) {
            kept.set(nodes[i + 1], nodes[i]);
            (nodes[i] as { $cstNode?: CstNode }).$cstNode = nodes[i + 1].$cstNode;
        }
        for (let i = 0; i < references.length; i += 2) (references[i] as { $refNode?: CstNode }).$refNode = references[i + 1].$refNode;
        // The composite nodes of the new tree point to the new AST nodes: point them to the kept ones.
        const stack: CstNode[] = fresh.$cstNode ? [fresh.$cstNode] : [];
        while (stack.length > 0) {
            const cst = stack.pop() as CstNode & { _astNode?: AstNode; content?: CstNode[] };
            if (!cst.content) continue;
            if (cst._astNode) cst._astNode = kept.get(cst._astNode) ?? cst._astNode;
            for (let i = 0; i < cst.content.length; i++) stack.push(cst.content[i]);
        }
        this.dropped.delete(document);
        this.remade++;
        this.noteReal(document);
    }

    /** The real node a stand-in stands for, its document's tree made again if need be. */
    static realOf(lazy: LazyCstNode): CstNode {
        const document = lazy.document;
        const store = stores.get(document);
        if (store?.dropped.has(document)) store.remake(document);
        const owner = lazy.owner as { $cstNode?: CstNode; $refNode?: CstNode };
        const real = isReference(owner) ? owner.$refNode : owner.$cstNode;
        if (!real || real instanceof LazyCstNode) throw new Error(`Archwright lost the syntax tree of ${document.uri.toString()}.`);
        return real;
    }
}

/** How many closed files keep a real tree between builds' ends. */
export const CAPACITY = 8;

/** The store of each document whose tree was dropped (stand-ins find it here). */
const stores = new WeakMap<LangiumDocument, CstStore>();

/**
 * Pairs the kept AST (`old`) with a new parse of the same text, node by node and reference by
 * reference, into `nodes` and `references` ([old, new, old, new...]); false when they differ.
 */
function pair(old: AstNode, fresh: AstNode, nodes: AstNode[], references: Reference[]): boolean {
    if (old.$type !== fresh.$type) return false;
    nodes.push(old, fresh);
    const oldRecord = old as unknown as Record<string, unknown>;
    const record = fresh as unknown as Record<string, unknown>;
    for (const property in record) {
        if (property.charCodeAt(0) === 36 /* $ */ || !Object.prototype.hasOwnProperty.call(record, property)) continue;
        const value = record[property];
        const before = oldRecord[property];
        if (Array.isArray(value)) {
            if (!Array.isArray(before) || before.length !== value.length) return false;
            for (let i = 0; i < value.length; i++) if (!pairValue(before[i], value[i], nodes, references)) return false;
        } else if (!pairValue(before, value, nodes, references)) {
            return false;
        }
    }
    return true;
}

function pairValue(before: unknown, value: unknown, nodes: AstNode[], references: Reference[]): boolean {
    if (isAstNode(value)) return isAstNode(before) && pair(before, value, nodes, references);
    if (isReference(value)) {
        if (!isReference(before) || before.$refText !== value.$refText) return false;
        references.push(before, value);
    }
    return true;
}

/**
 * AST nodes of a file parsed without a tree (compactAst in depth-limited-parser.ts) that keep the
 * place of their CST node in two fields instead of a stand-in: `$cstNode` is an accessor of their
 * prototype, which makes a {@link PlacedLazyCstNode} each time it is read, and keeps a node written
 * to it (when the tree is made again) as the node's own. 170,000 of the benchmark's L model's AST
 * nodes are so placed: 40 bytes less each. Declarations, whose stand-ins know more ({@link Marks}),
 * and nodes without a place keep stand-in objects.
 */
export const PLACED_NODES: PlacedNodes = {
    place: cst => {
        const placed = placedPlaceholder(cst);
        return placed && !placed.marks ? placed : undefined;
    },
    prototype: Object.create(Object.prototype, {
        $cstNode: {
            get(this: PlacedNode): CstNode {
                return new PlacedLazyCstNode(this, this.$cstStart, this.$cstEnd);
            },
            set(this: PlacedNode, value: CstNode | undefined) {
                Object.defineProperty(this, '$cstNode', { value, writable: true, enumerable: true, configurable: true });
            },
            enumerable: false,
            configurable: true
        }
    }) as object
};

interface PlacedNode extends AstNode {
    readonly $cstStart: number;
    readonly $cstEnd: number;
}

function isPlaced(node: AstNode): node is PlacedNode {
    return Object.getPrototypeOf(node) === PLACED_NODES.prototype;
}

/** The placeholder, if it is one that knows where its node was written. */
function placedPlaceholder(cst: unknown): CstPlaceholder | undefined {
    return cst instanceof CstPlaceholder && cst.start !== NOWHERE && cst.end !== NOWHERE ? cst : undefined;
}

/**
 * The stand-in for the node's CST node: one that knows the node's range (and marks) when the file
 * was parsed without a tree, so that building the ArchModel does not parse the file again.
 */
function standInFor(node: AstNode): LazyCstNode {
    const placeholder = placedPlaceholder(node.$cstNode);
    if (!placeholder) return new LazyCstNode(node);
    const marks = placeholder.marks;
    return marks ? new MarkedLazyCstNode(node, placeholder.start, placeholder.end, marks) : new PlacedLazyCstNode(node, placeholder.start, placeholder.end);
}

/**
 * Stands in for a CST node of a file whose tree is dropped (see {@link CstStore}): every read makes
 * the file's tree real again (once) and answers from the node it stands for. `owner` is the AST
 * node whose `$cstNode` it is, or the reference whose `$refNode` it is.
 */
export class LazyCstNode implements CstNode {
    constructor(readonly owner: AstNode | Reference) {}

    /** The document of the node it stands for, found from its owner (the reference's container): one field less in each of hundreds of thousands. */
    get document(): LangiumDocument {
        const owner = this.owner;
        if (!isReference(owner)) return AstUtils.getDocument(owner);
        const container = containerOf(owner);
        if (!container) throw new Error(`Archwright cannot tell which file the reference to ${owner.$refText} is in.`);
        return AstUtils.getDocument(container);
    }

    private get real(): CstNode {
        return CstStore.realOf(this);
    }

    get container(): CompositeCstNode | undefined { return this.real.container; }
    get offset(): number { return this.real.offset; }
    get length(): number { return this.real.length; }
    get end(): number { return this.real.end; }
    get range(): Range { return this.real.range; }
    get text(): string { return this.real.text; }
    get root() { return this.real.root; }
    get grammarSource(): GrammarAST.AbstractElement | undefined { return this.real.grammarSource; }
    get astNode(): AstNode { return this.real.astNode; }
    get hidden(): boolean { return this.real.hidden; }
    get content(): readonly CstNode[] | undefined { return (this.real as Partial<CompositeCstNode>).content; }
    get tokenType(): TokenType | undefined { return (this.real as { tokenType?: TokenType }).tokenType; }
    get fullText(): string | undefined { return (this.real as { fullText?: string }).fullText; }
}

/**
 * A stand-in that knows its node's range, as Langium's composite node has it (its first token's
 * start to its last token's end): reading the range does not make the tree again. Every AST node
 * of a file parsed without a tree has one (references have plain stand-ins); its two places are
 * small integers (depth-limited-parser.ts, `packSmall`). Most nodes make theirs when it is read,
 * from the places they keep ({@link PLACED_NODES}); declarations keep a {@link MarkedLazyCstNode}.
 */
export class PlacedLazyCstNode extends LazyCstNode {
    constructor(owner: AstNode, private readonly start: number, private readonly stop: number) {
        super(owner);
    }

    override get range(): Range {
        return { start: positionOf(this.start), end: positionOf(this.stop) };
    }
}

/**
 * A placed stand-in for a node with {@link Marks}: where its name, its `architecture` keyword or
 * arrow, and its block's braces were written, for the ArchModel's sources (model-builder.ts).
 */
export class MarkedLazyCstNode extends PlacedLazyCstNode {
    private readonly nameStart: number;
    private readonly nameEnd: number;
    private readonly nameOffset: number;
    private readonly nameEndOffset: number;
    private readonly keywordStart: number;
    private readonly keywordEnd: number;
    private readonly open: number;
    private readonly close: number;
    /** The multi-line comment right before the node, if there is one (as Langium's comment provider finds it). */
    readonly comment: string | undefined;

    constructor(owner: AstNode, start: number, end: number, marks: Marks) {
        super(owner, start, end);
        this.nameStart = marks.nameStart;
        this.nameEnd = marks.nameEnd;
        this.nameOffset = marks.nameOffset;
        this.nameEndOffset = marks.nameEndOffset;
        this.keywordStart = marks.keywordStart;
        this.keywordEnd = marks.keywordEnd;
        this.open = marks.open;
        this.close = marks.close;
        this.comment = marks.comment;
    }

    /** Where the node's own node assigned to `name` is, as Langium's `toDocumentSegment` gives it, if it has one. */
    get nameSegment(): DocumentSegment | undefined {
        const range = this.nameRange;
        return range && { offset: this.nameOffset, length: this.nameEndOffset - this.nameOffset, end: this.nameEndOffset, range };
    }

    /** The range of the node's own node assigned to `name`, if it has one. */
    get nameRange(): Range | undefined {
        return this.nameStart === NOWHERE ? undefined : { start: positionOf(this.nameStart), end: positionOf(this.nameEnd) };
    }

    /** The range of the node's first own keyword among `architecture` and `->`, if it has one. */
    get keywordRange(): Range | undefined {
        return this.keywordStart === NOWHERE ? undefined : { start: positionOf(this.keywordStart), end: positionOf(this.keywordEnd) };
    }

    /** Where the node's first own `{` starts, if it has one. */
    get openStart(): Position | undefined {
        return this.open === NOWHERE ? undefined : positionOf(this.open);
    }

    /** Where the node's last own `}` starts, if it has one. */
    get closeStart(): Position | undefined {
        return this.close === NOWHERE ? undefined : positionOf(this.close);
    }
}

function positionOf(packed: number): Position {
    return new KeptPosition(smallLine(packed), smallCharacter(packed));
}
