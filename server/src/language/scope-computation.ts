import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type AstNodeLocator,
    type DocumentSegment, type LangiumCoreServices, type LangiumDocument, type LocalSymbols, type NameProvider, type URI
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { LazyCstNode, MarkedLazyCstNode } from './cst-store.js';
import { isElement, isModel, type Element } from './generated/ast.js';
import { childrenOf, walkAst } from '../util/ast-walk.js';
import { exact } from '../util/arrays.js';
import type { KeepOptions } from '../util/keep-options.js';

/**
 * Every declaration is global to its model: exported under its id and, for an element nested in
 * others, also under its dotted path from the top-level element (`shop.orders`).
 */
export class ArchwrightScopeComputation extends DefaultScopeComputation {
    private readonly signatures = new WeakMap<LangiumDocument, string>();
    /**
     * Per top-level declaration: its exports, as long as it is at the same place in the same file.
     * Incremental parsing keeps the declarations an edit did not touch; their exports are the same
     * objects, whose positions are read from their nodes when asked (MovingNodeDescription).
     */
    private readonly byDeclaration = new WeakMap<AstNode, DeclarationExports>();
    /** Per exported node: its descriptions (its id and, for a nested element, its dotted path) as of its file's last indexing. */
    private readonly exported = new WeakMap<AstNode, AstNodeDescription | AstNodeDescription[]>();
    /** False for a build that is never edited: then none of the above is kept. */
    private readonly keepForEdits: boolean;

    constructor(services: LangiumCoreServices, options: KeepOptions = {}) {
        super(services);
        this.keepForEdits = options.keepForEdits !== false;
    }

    override async collectExportedSymbols(document: LangiumDocument, cancelToken?: CancellationToken): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        const signature: string[] = [];
        this.signatures.delete(document);
        const root = document.parseResult.value;
        if (!isModel(root)) return exports;
        const declarations = childrenOf(root);
        for (let d = 0; d < declarations.length; d++) {
            const declaration = declarations[d];
            if (!this.keepForEdits) {
                await this.collectUnder(declaration, document, exports, undefined, cancelToken);
                continue;
            }
            let kept = this.byDeclaration.get(declaration);
            // Paths are read from the root down: a declaration at another place has other paths.
            if (!kept || kept.index !== declaration.$containerIndex || kept.document !== document) {
                kept = { index: declaration.$containerIndex, document, exports: [], signature: '' };
                await this.collectUnder(declaration, document, kept.exports, kept, cancelToken);
                kept.exports = exact(kept.exports);
                this.byDeclaration.set(declaration, kept);
            }
            for (let i = 0; i < kept.exports.length; i++) exports.push(kept.exports[i]);
            if (kept.signature) signature.push(kept.signature);
        }
        if (this.keepForEdits) this.signatures.set(document, signature.join('\n'));
        return exports;
    }

    /** The exports of a top-level declaration into `exports`; kept with what they add to the export signature in `kept`, if given. */
    private async collectUnder(declaration: AstNode, document: LangiumDocument, exports: AstNodeDescription[], kept: DeclarationExports | undefined, cancelToken?: CancellationToken): Promise<void> {
        const signature: string[] = [];
        await walkAst(declaration, node => {
            const name = this.nameProvider.getName(node);
            if (!name) return;
            const description = this.descriptions.createDescription(node, name, document);
            exports.push(description);
            const nested = isElement(node) && isElement(node.$container);
            const byPath = nested ? this.descriptions.createDescription(node, qualifiedName(node), document) : undefined;
            if (byPath) exports.push(byPath);
            if (!kept) return;
            const kind = (node as AstNode & { kind?: unknown }).kind;
            signature.push(`${name} ${node.$type} ${typeof kind === 'string' ? kind : ''}`);
            if (byPath) signature.push(`${byPath.name} ${node.$type} ${kind}`);
            this.exported.set(node, byPath ? [description, byPath] : description);
        }, cancelToken);
        // One flat string per declaration: kept as the parts' joins, each would stay a chain of pieces in V8.
        if (kept) kept.signature = signature.join('\n');
    }

    /**
     * What other files can see of the document as of its last indexing: each exported name with the
     * type and kind of what it names (all that references to it, and checks on them, depend on).
     */
    exportSignature(document: LangiumDocument): string | undefined {
        return this.signatures.get(document);
    }

    /** The description under `name` of an exported node, as of its file's last indexing. */
    exportedAs(node: AstNode, name: string): AstNodeDescription | undefined {
        const exported = this.exported.get(node);
        if (!Array.isArray(exported)) return exported?.name === name ? exported : undefined;
        return exported.find(d => d.name === name);
    }

    // Nothing is local: all names live in the model-wide (global) scope.
    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

interface DeclarationExports {
    /** The declaration's index among the file's declarations when its exports were made. */
    index: number | undefined;
    document: LangiumDocument;
    exports: AstNodeDescription[];
    /** What the exports add to the export signature, one line each. */
    signature: string;
}

/**
 * Langium's description of an exported node, except that its name's and its node's places are
 * read from the node each time they are asked for (Langium keeps the name's place once read, and
 * works the node's out at once): the exports of a declaration that an edit did not touch are kept
 * (ArchwrightScopeComputation), and such a declaration may have moved.
 */
export class MovingNodeDescription implements AstNodeDescription {
    private nodePath?: string;
    /**
     * Where the name was when the file's tree was last dropped (CstStore), as plain numbers: offset,
     * length, start line and character, end line and character. A file that is not open does not
     * move, and the workspace's symbols read the name's place of every declaration.
     */
    private frozen?: readonly number[];

    constructor(readonly node: AstNode, readonly name: string, readonly type: string, readonly documentUri: URI,
        private readonly locator: AstNodeLocator, private readonly names: NameProvider) {}

    /**
     * The node's path, made when first asked: most descriptions never are (Langium asks when it
     * indexes a reference to the node, or when a name is declared twice), and a path is a new string.
     */
    get path(): string {
        return this.nodePath ??= this.locator.getAstNodePath(this.node);
    }

    get nameSegment(): DocumentSegment | undefined {
        // A file parsed without its tree: its stand-in knows where the name is (Langium's name node is the first of the node's own nodes assigned to `name`).
        const cst = this.node.$cstNode;
        const marked = cst instanceof MarkedLazyCstNode ? cst.nameSegment : undefined;
        if (marked) return marked;
        const frozen = this.frozen;
        if (frozen && isTreeDropped(this.node)) {
            return { offset: frozen[0], length: frozen[1], end: frozen[0] + frozen[1], range: { start: { line: frozen[2], character: frozen[3] }, end: { line: frozen[4], character: frozen[5] } } };
        }
        // Found each time, not kept: the node moves while its file is edited, and a CST node would keep a closed file's whole tree.
        return CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode);
    }

    /** Keeps the name's place as it is now (its file's tree is about to be dropped). */
    freeze(): void {
        const segment = this.nameSegment;
        this.frozen = segment && [segment.offset, segment.length, segment.range.start.line, segment.range.start.character, segment.range.end.line, segment.range.end.character];
    }

    get selectionSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}

/** Whether the tree of the node's file is dropped (CstStore): its `$cstNode` is a stand-in. */
function isTreeDropped(node: AstNode): boolean {
    return node.$cstNode instanceof LazyCstNode;
}

/** Descriptions of exported nodes as {@link MovingNodeDescription}s. */
export class ArchwrightAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const named = name ?? this.nameProvider.getName(node);
        if (!named) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new MovingNodeDescription(node, named, node.$type, (document ?? AstUtils.getDocument(node)).uri, this.astNodeLocator, this.nameProvider);
    }
}

/** `shop.orders`: the ids from the top-level element down to this one. */
export function qualifiedName(element: Element): string {
    const parts: string[] = [element.name];
    let current: AstNode | undefined = element.$container;
    while (isElement(current)) {
        parts.unshift(current.name);
        current = current.$container;
    }
    return parts.join('.');
}
