import {
    AstUtils, CstUtils, DefaultAstNodeLocator, DefaultLinker, DefaultReferenceDescriptionProvider, isAstNode, isLinkingError, UriUtils, type AstNode,
    type AstNodeDescription, type AstNodeLocator, type CstNode, type DocumentSegment, type LinkingError, type LangiumCoreServices, type LangiumDocument, type Reference,
    type ReferenceDescription, type ReferenceInfo, type URI
} from 'langium';
import type { ArchwrightScopeComputation } from './scope-computation.js';
import { LazyCstNode } from './cst-store.js';
import { CancellationToken } from 'vscode-languageserver';
import { childrenOf, containerOf, referencesOf, walkAst } from '../util/ast-walk.js';
import { exact } from '../util/arrays.js';

/** What the linker reads of the document builder (ArchwrightDocumentBuilder): see {@link ArchwrightLinker}. */
interface ExportsEpoch {
    exportsEpoch: number;
}

/** Langium's private fields of a reference (DefaultReferenceImpl). */
interface ReferenceFields {
    _ref?: unknown;
    _nodeDescription?: unknown;
}

/**
 * Langium's linker, walking the file without a stream per node (see util/ast-walk.ts), which keeps
 * what it linked while nothing it depends on changed.
 *
 * Langium forgets every link of a file that it relinks: the file that was edited, and each file
 * that references it. But a reference resolves to the first declaration of its name of the right
 * type in its model (ModelFolders), so while no file's exports changed (the builder's
 * `exportsEpoch`: names, with the type and kind of what they name, in order) and the model's
 * folders are the same, it resolves to the same declaration as before. A reference keeps its
 * target when that declaration still is in its file's tree: incremental parsing keeps the nodes of
 * the declarations an edit did not touch, so only references in what was reparsed, and those to
 * what was reparsed, are resolved again. In the 5,520-line file of the benchmark's M model that is
 * a few references of ~5,000 on each keystroke.
 *
 * A kept reference gets its target's description as of the last indexing of the target's file,
 * which says where it is now (the index of references reads its path).
 */
export class ArchwrightLinker extends DefaultLinker {
    private readonly builder: () => Partial<ExportsEpoch>;
    private readonly scopeComputation: ArchwrightScopeComputation;
    private readonly workspaceFolders: () => unknown;
    /** Per document: what its links were made with (the builder's exports epoch and the model's folders). */
    private readonly linkedWith = new WeakMap<LangiumDocument, { epoch: number | undefined; folders: unknown }>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.builder = () => services.shared.workspace.DocumentBuilder as unknown as Partial<ExportsEpoch>;
        this.workspaceFolders = () => services.shared.workspace.WorkspaceManager.workspaceFolders;
        this.scopeComputation = services.references.ScopeComputation as ArchwrightScopeComputation;
    }

    override async link(document: LangiumDocument, cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
        const now = { epoch: this.builder().exportsEpoch, folders: this.workspaceFolders() };
        const before = this.linkedWith.get(document);
        const keep = now.epoch !== undefined && before !== undefined && before.epoch === now.epoch && before.folders === now.folders;
        this.linkedWith.delete(document);
        await forEachReference(document.parseResult.value, ref => {
            const fields = ref.reference as unknown as ReferenceFields;
            if (keep && isAstNode(fields._ref) && inCurrentTree(fields._ref)) {
                // The target's description as of its file's last indexing: where it is now.
                const description = this.scopeComputation.exportedAs(fields._ref, ref.reference.$refText);
                if (description) {
                    fields._nodeDescription = description;
                    document.references.push(ref.reference);
                    return;
                }
            }
            if ('_ref' in fields) {
                fields._ref = undefined;
                fields._nodeDescription = undefined;
            }
            this.doLink(ref, document);
        }, cancelToken);
        this.linkedWith.set(document, now);
    }

    /** Langium's, except that links are kept for {@link link} to judge: only the list of the document's references is emptied. */
    override unlink(document: LangiumDocument): void {
        document.references = [];
    }

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new LinkedReference(this.resolver(), node, property, refNode, refText);
    }

    private resolver(): ReferenceResolver {
        return (this as unknown as { referenceResolver: ReferenceResolver }).referenceResolver;
    }
}

/** What Langium's linker resolves a reference with (its `referenceResolver`). */
interface ReferenceResolver {
    resolveReference(reference: Reference, node: AstNode, property: string): AstNode | undefined;
}

/** What a {@link LinkedReference} keeps for its stand-in. */
const STANDS_IN = Symbol('a stand-in for the CST node');

/**
 * Langium's reference (its `DefaultReferenceImpl`, field for field), made with all its fields at
 * once: Langium's adds `_nodeDescription` once linked, which V8 keeps out of the object, in a list
 * of its own (112 bytes a reference where 80 do; 74,000 references at the benchmark's L).
 * Unlinking sets the description to undefined rather than deleting it, which would make the object
 * a slower dictionary. `node` is the container it resolves from (util/compact-ast.ts may replace it).
 */
class LinkedReference implements Reference {
    _ref: unknown = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;

    constructor(private readonly resolver: ReferenceResolver, public node: AstNode, readonly property: string, private refNode: CstNode | undefined | typeof STANDS_IN,
        readonly $refText: string) {}

    /**
     * The reference's CST node. When its file's tree is dropped, CstStore writes a stand-in for it
     * here, which is kept as a mark and made again each time it is read: 32 bytes less for each of
     * the 74,000 references of the benchmark's L model.
     */
    get $refNode(): CstNode | undefined {
        const node = this.refNode;
        return node === STANDS_IN ? new LazyCstNode(this) : node;
    }

    set $refNode(node: CstNode | undefined) {
        this.refNode = node instanceof LazyCstNode && node.owner === this ? STANDS_IN : node;
    }

    get ref(): AstNode | undefined {
        return this.resolver.resolveReference(this, this.node, this.property);
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }
}

/** The references under each top-level declaration, for as long as it lives (see {@link forEachReference}). */
const declarationReferences = new WeakMap<AstNode, readonly Reference[]>();

/**
 * Calls `action` with every reference of the file whose tree `root` is, in the order of the text.
 * Finding them means reading every property of every node (most of linking a file that keeps its
 * links, and of indexing its references): they are found once per top-level declaration and kept
 * with it. No code changes a declaration in place: incremental parsing keeps it whole or makes a
 * new one, and linking changes what its references resolve to, not which references it has.
 * What is kept is the references themselves; where each is (its container, which Langium's
 * `ReferenceInfo` names) is read from it when asked (see {@link infoOf}).
 */
export async function forEachReference(root: AstNode, action: (ref: ReferenceInfo) => void, cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
    const own = referencesOf(root);
    for (let i = 0; i < own.length; i++) action(own[i]);
    const declarations = childrenOf(root);
    for (let d = 0; d < declarations.length; d++) {
        // Kept ones without an await: a big file has tens of thousands of declarations, most kept.
        const refs = declarationReferences.get(declarations[d]) ?? await referencesUnder(declarations[d], cancelToken);
        for (let i = 0; i < refs.length; i++) action(infoOf(refs[i]));
    }
}

/** The references under a top-level declaration, found once (see {@link forEachReference}). */
async function referencesUnder(declaration: AstNode, cancelToken: CancellationToken): Promise<readonly Reference[]> {
    let refs = declarationReferences.get(declaration);
    if (!refs) {
        const found: Reference[] = [];
        await walkAst(declaration, node => {
            for (const ref of referencesOf(node)) found.push(ref.reference as Reference);
        }, cancelToken);
        declarationReferences.set(declaration, refs = exact(found));
    }
    return refs;
}

/**
 * Langium's description of where a reference is, read from the reference: its container and
 * property (Langium's and {@link LinkedReference} keep both), and its index when that property is
 * a list. Keeping one per reference was 56 bytes each (74,000 at the benchmark's L model).
 */
function infoOf(reference: Reference): ReferenceInfo {
    const node = containerOf(reference)!;
    const property = (reference as unknown as { property: string }).property;
    const value = (node as unknown as Record<string, unknown>)[property];
    return Array.isArray(value) ? { reference, container: node, property, index: value.indexOf(reference) } : { reference, container: node, property };
}

/** True when the node is in the tree its document has now (not in one that parsing replaced). */
function inCurrentTree(node: AstNode): boolean {
    const root = AstUtils.findRootNode(node);
    return root.$document?.parseResult.value === root;
}

/**
 * Langium's index of references, with a description per reference made once per top-level
 * declaration and kept with it, whose places are read when asked (LiveReferenceDescription): after
 * an edit, the edited file and every file that references it are indexed again, and Langium made a
 * new description of each of their references, with its source path and place worked out (the
 * largest part of the work after an edit's diagnostics are sent).
 */
export class ArchwrightReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly descriptions = new WeakMap<AstNode, readonly LiveReferenceDescription[]>();

    override async createDescriptions(document: LangiumDocument, cancelToken: CancellationToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const out: ReferenceDescription[] = [];
        const root = document.parseResult.value;
        const add = (descriptions: readonly LiveReferenceDescription[]): void => {
            // What Langium indexes: the references that resolved, with their target's description.
            for (const description of descriptions) if (description.resolved) out.push(description);
        };
        add(referencesOf(root).map(info => new LiveReferenceDescription(info.reference as Reference, document.uri, this.nodeLocator)));
        for (const declaration of childrenOf(root)) {
            let descriptions = this.descriptions.get(declaration);
            if (!descriptions) {
                descriptions = (await referencesUnder(declaration, cancelToken)).map(reference => new LiveReferenceDescription(reference, document.uri, this.nodeLocator));
                this.descriptions.set(declaration, descriptions);
            }
            add(descriptions);
        }
        return out;
    }
}

/**
 * A reference in Langium's index of references, read from the reference when asked: its source's
 * path and its place from the tree as it is now, its target from the description the linker gave
 * it (ArchwrightLinker renews it for a link it keeps).
 */
class LiveReferenceDescription implements ReferenceDescription {
    constructor(private readonly reference: Reference, readonly sourceUri: URI, private readonly locator: AstNodeLocator) {}

    /** Whether the reference resolved: only those are indexed. */
    get resolved(): boolean {
        const reference = this.reference;
        return !reference.error && reference.$refNode !== undefined && this.target !== undefined;
    }

    private get target(): AstNodeDescription | undefined {
        return (this.reference as Partial<Reference>).$nodeDescription;
    }

    get sourcePath(): string {
        return this.locator.getAstNodePath(containerOf(this.reference)!);
    }

    get targetUri(): URI {
        return this.target?.documentUri ?? this.sourceUri;
    }

    get targetPath(): string {
        return this.target?.path ?? '';
    }

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.reference.$refNode!);
    }

    get local(): boolean {
        return UriUtils.equals(this.targetUri, this.sourceUri);
    }
}

/**
 * Langium's paths of AST nodes (`/declarations@3/members@0`), joined once. Langium appends each
 * segment to its container's path with `+`, which V8 keeps as a chain of joined pieces (32 bytes a
 * piece, one chain per path); the reference index keeps a path per reference. Joined: 1.8 MB less
 * live heap at M.
 */
export class ArchwrightAstNodeLocator extends DefaultAstNodeLocator {
    override getAstNodePath(node: AstNode): string {
        const segments: string[] = [];
        for (let n = node; n.$container; n = n.$container) segments.push(this.getPathSegment(n));
        if (segments.length === 0) return '';
        // The empty first segment gives the leading separator: join always copies two or more strings into one.
        segments.push('');
        return segments.reverse().join(this.segmentSeparator);
    }
}
