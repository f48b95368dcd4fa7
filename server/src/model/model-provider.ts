import { DocumentState, type AstNode, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { ArchwrightDocumentBuilder } from '../language/document-builder.js';
import type { ModelFolders } from '../language/model-folders.js';
import type { KeepOptions } from '../util/keep-options.js';
import type { ArchModel } from './arch-model.js';
import { indexModel, type ModelIndex } from './graph.js';
import { buildFragment, combineFragments, type DeclarationPieces, type ModelFragment } from './model-builder.js';

export interface BuiltModel {
    folder: string;
    model: ArchModel;
    /** The documents' fragments the model was combined from (in the documents' order; the model takes them in path order). */
    fragments: readonly ModelFragment[];
    /** Computed on first use: an edit whose readiness diagnostics are reused needs none. */
    readonly index: ModelIndex;
    /** Results derived from the model (readiness diagnostics, views), cached with it by their owners. */
    derived: Map<string, unknown>;
}

/**
 * The ArchModel of each workspace folder, built once per document build from the linked documents
 * and cached until the next change. What each document contributes is kept until that document is
 * linked again, so an edit rebuilds the fragments of the documents it relinked and joins the rest.
 */
export class ArchModelProvider {
    private readonly cache = new Map<string, BuiltModel>();
    private readonly fragments = new WeakMap<LangiumDocument, { fragment: ModelFragment; root: AstNode; epoch: number; references: readonly unknown[] }>();
    /** What each top-level declaration contributes, for fragments rebuilt after an edit (see buildFragment); none without edits. */
    private readonly pieces: DeclarationPieces | undefined;

    constructor(private readonly shared: LangiumSharedCoreServices, private readonly folders: ModelFolders, options: KeepOptions = {}) {
        this.pieces = options.keepForEdits === false ? undefined : new WeakMap();
        shared.workspace.DocumentBuilder.onUpdate(() => this.cache.clear());
    }

    /** The model that the document at `uri` belongs to. */
    modelOf(uri: string): BuiltModel {
        return this.modelOfFolder(this.folders.folderOf(uri));
    }

    modelOfFolder(folder: string): BuiltModel {
        let built = this.cache.get(folder);
        if (!built) {
            const docs: LangiumDocument[] = this.shared.workspace.LangiumDocuments.all
                .filter(d => this.folders.folderOf(d.uri) === folder)
                .toArray();
            const fragments = docs.map(doc => this.fragmentOf(doc));
            const model = combineFragments(fragments);
            let index: ModelIndex | undefined;
            built = { folder, model, fragments, get index() { return index ??= indexModel(model); }, derived: new Map() };
            this.cache.set(folder, built);
        }
        return built;
    }

    /**
     * A fragment reads the document's own syntax tree and the ids and types its references resolve
     * to. It stays valid while the document is not reparsed, and either no build changed what any
     * file exports ({@link ArchwrightDocumentBuilder.exportsEpoch}; a document only relinked because
     * a file it references was reparsed keeps its fragment) or the document was not relinked since.
     * Otherwise it is made again from its declarations' pieces, most of them kept (buildFragment).
     */
    private fragmentOf(doc: LangiumDocument): ModelFragment {
        // Also while the document waits to be relinked: what it resolves to has not changed. And a
        // document not relinked since (Langium's linker gives each linking a new list of references)
        // resolves everything as it did, whatever other files now export.
        const cached = this.fragments.get(doc);
        if (cached && cached.root === doc.parseResult.value && cached.references === doc.references && doc.state >= DocumentState.Linked) return cached.fragment;
        const current = this.currentFragment(doc);
        if (current) return current;
        // Not cached before the document is linked: its references would be missing.
        const epoch = this.exportsEpoch();
        const linked = doc.state >= DocumentState.Linked && !Number.isNaN(epoch);
        // Without edits to come, no pieces are kept and ranges are made when read.
        const fragment = buildFragment(doc, linked ? this.pieces : undefined, !this.pieces);
        if (linked) this.fragments.set(doc, { fragment, root: doc.parseResult.value, epoch, references: doc.references });
        return fragment;
    }

    /** Whether the document's fragment is built and still valid (see fragmentOf). */
    hasCurrentFragment(doc: LangiumDocument): boolean {
        return this.currentFragment(doc) !== undefined;
    }

    private currentFragment(doc: LangiumDocument): ModelFragment | undefined {
        const cached = this.fragments.get(doc);
        return cached && cached.root === doc.parseResult.value && cached.epoch === this.exportsEpoch() ? cached.fragment : undefined;
    }

    private exportsEpoch(): number {
        const builder = this.shared.workspace.DocumentBuilder;
        return builder instanceof ArchwrightDocumentBuilder ? builder.exportsEpoch : NaN;
    }

    /** Every folder that has documents. */
    folderKeys(): string[] {
        return [...new Set(this.shared.workspace.LangiumDocuments.all.map(d => this.folders.folderOf(d.uri)))].sort();
    }

    /** A value derived from a model, computed once per build. */
    derive<T>(built: BuiltModel, key: string, compute: () => T): T {
        if (!built.derived.has(key)) built.derived.set(key, compute());
        return built.derived.get(key) as T;
    }
}
