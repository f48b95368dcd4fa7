import type { ModelFolders } from './model-folders.js';
import type { CstStore } from './cst-store.js';
import {
    DefaultDocumentBuilder, delayNextTick, DocumentState, type AstNode, type BuildOptions, type LangiumDocument,
    type LangiumSharedCoreServices, type URI
} from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import type { ArchwrightIndexManager } from './index-manager.js';
import type { ArchwrightScopeComputation } from './scope-computation.js';
import type { ArchwrightServices } from '../module.js';
import { isArchitecture, isModel } from './generated/ast.js';
import { forgetInterned } from '../util/intern.js';

/**
 * The readiness rules and duplicate-id read the whole model, so a change in one file can change
 * the diagnostics of other files of the same model. After each build, the documents that the
 * build did not validate are compared with what the model-wide checks said of them when they were
 * last validated (their readiness diagnostics, their duplicated ids, which architecture counts),
 * and only those whose answer changed are revalidated. Relinking stays Langium's own incremental
 * decision (`IndexManager.isAffected`).
 *
 * Relinking is needed whenever a referenced file is reparsed (its nodes are new objects), but
 * revalidation is not: when no build since a relinked document's last validation changed what any
 * file exports (names, with the type and kind of what they name), its references resolve to
 * declarations of the same names, types and kinds as before, so its own checks say what they said.
 * Such a document keeps its diagnostics; the model-wide comparison above still revalidates it when
 * the model's answer about it changed. On the 5,520-line file of the benchmark's M model this
 * spares revalidating the ~15 files that reference it on every keystroke.
 */
export class ArchwrightDocumentBuilder extends DefaultDocumentBuilder {
    private readonly folders: () => ModelFolders;
    /** Per document URI: what the model-wide checks said at its last validation (plain data). */
    private readonly seen = new Map<string, unknown>();
    /** Folders that lost a document since the last build. */
    private readonly deletedFrom = new Set<string>();
    /** Per document URI: what it exported when it was last indexed. */
    private readonly exports = new Map<string, string>();
    /** Documents being relinked only, with the diagnostics of their last validation (see above). */
    private readonly kept = new Map<string, Diagnostic[]>();
    /** A document was deleted since the last build. */
    private lostExports = false;
    /** Per linked document: whether some of its references did not resolve (see shouldRelink). */
    private readonly unresolved = new WeakMap<LangiumDocument, boolean>();
    /** Per document URI: the names it declared when it was last indexed. */
    private readonly declaredNames = new Map<string, ReadonlySet<string>>();
    /** Names that a document of the current build declares and did not before. */
    private readonly newNames = new Set<string>();
    /** Documents of the current build whose kept diagnostics stood in for validation. */
    private readonly restored = new Set<string>();

    /**
     * Counts the builds that changed what some file exports (or deleted one). While it stays the
     * same, every reference resolves to a declaration of the same name, type and kind as before.
     */
    exportsEpoch = 0;

    private readonly trees: () => CstStore;

    constructor(services: LangiumSharedCoreServices & { model: { ModelFolders: ModelFolders }; workspace: { CstStore: CstStore } }) {
        super(services);
        this.folders = () => services.model.ModelFolders;
        this.trees = () => services.workspace.CstStore;
        this.onBuildPhase(DocumentState.IndexedContent, documents => {
            for (const doc of documents) {
                const uri = doc.uri.toString();
                const now = (this.serviceRegistry.getServices(doc.uri).references.ScopeComputation as ArchwrightScopeComputation).exportSignature?.(doc);
                const before = this.exports.get(uri);
                if (now === undefined || now !== before) {
                    this.exportsChanged();
                    this.noteNewNames(uri);
                }
                if (now === undefined) this.exports.delete(uri);
                else this.exports.set(uri, now);
            }
        });
        this.onBuildPhase(DocumentState.ComputedScopes, (documents, cancelToken) => this.validateEditedFirst(documents, cancelToken));
    }

    /**
     * With relinked documents keeping their diagnostics, the edited documents are linked and
     * validated before them: their diagnostics are published without waiting for the files that
     * merely reference them to be relinked. The model those validations read is whole: every
     * relinked document keeps its model fragment (nothing it resolves to changed). Builder-wide
     * phases are still announced by Langium once every document has reached them.
     *
     * The edited documents' references are indexed after their diagnostics are out: no check
     * reads the index of references, only finding references, renaming and highlighting do, and
     * Langium has those wait for the whole build to reach IndexedReferences (the builder's state,
     * set back at every update), which it reaches after this. Code lenses wait for the document's
     * IndexedReferences, announced with Validated; they read the model, not the index.
     */
    private async validateEditedFirst(documents: LangiumDocument[], cancelToken: CancellationToken): Promise<void> {
        if (this.kept.size === 0) return;
        const edited = documents.filter(d => !this.kept.has(d.uri.toString()));
        if (edited.length === 0 || edited.length === documents.length) return;
        if (!edited.every(d => d.state === DocumentState.ComputedScopes && this.shouldLink(d) && this.shouldValidate(d))) return;
        const models = (uri: URI) => (this.serviceRegistry.getServices(uri) as ArchwrightServices).model.ArchModels;
        if (!documents.every(d => !this.kept.has(d.uri.toString()) || models(d.uri).hasCurrentFragment(d))) return;
        for (const doc of edited) {
            await this.serviceRegistry.getServices(doc.uri).references.Linker.link(doc, cancelToken);
            doc.state = DocumentState.Linked;
            await this.notifyDocumentPhase(doc, DocumentState.Linked, cancelToken);
        }
        for (const doc of edited) {
            await this.validate(doc, cancelToken);
            this.markAsCompleted(doc);
            doc.state = DocumentState.Validated;
            await this.notifyDocumentPhase(doc, DocumentState.IndexedReferences, cancelToken);
            await this.notifyDocumentPhase(doc, DocumentState.Validated, cancelToken);
        }
        // The language server's connection writes on the next turn of the event loop: let it send
        // the diagnostics now rather than once the rest of the build yields (10 ms on, or at its end).
        await delayNextTick();
        // Not cancelled: the documents count as built, and nothing would index them again.
        for (const doc of edited) await this.indexManager.updateReferences(doc, CancellationToken.None);
    }

    /**
     * Notes the names that the document at `uri` declares now and did not before (all of them for
     * a new document). A reference to an id declared twice resolves to the declaration in the file
     * that sorts first (ModelFolders): a new duplicate in such a file changes what references to it
     * in other, untouched files resolve to, and Langium relinks a file only when it points into a
     * changed one or has unresolved references.
     */
    private noteNewNames(uri: string): void {
        const now = new Set((this.indexManager as ArchwrightIndexManager).exportsByFile().get(uri)?.map(d => d.name) ?? []);
        const before = this.declaredNames.get(uri);
        for (const name of now) if (!before?.has(name)) this.newNames.add(name);
        this.declaredNames.set(uri, now);
    }

    private exportsChanged(): void {
        this.kept.clear();
        this.exportsEpoch++;
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        for (const uri of deleted) {
            this.deletedFrom.add(this.folders().folderOf(uri));
            this.seen.delete(uri.toString());
            this.exports.delete(uri.toString());
            this.declaredNames.delete(uri.toString());
        }
        // A file gone takes its declarations with it: references to them no longer resolve. (Noted
        // here, acted on once the update has set the documents to relink aside.)
        if (deleted.length > 0) this.lostExports = true;
        await super.update(changed, deleted, cancelToken);
    }

    /**
     * Langium's decision, with whether a document has unresolved references answered once per
     * linking instead of by reading all its references on every update.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        let unresolved = this.unresolved.get(document);
        if (unresolved === undefined) {
            unresolved = document.references.some(ref => ref.error !== undefined);
            if (document.state >= DocumentState.Linked) this.unresolved.set(document, unresolved);
        }
        return unresolved || this.indexManager.isAffected(document, changedUris);
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (state < DocumentState.Linked) this.unresolved.delete(document);
        const uri = document.uri.toString();
        if (state === DocumentState.ComputedScopes && document.state === DocumentState.Validated && document.diagnostics) {
            this.kept.set(uri, document.diagnostics);
        } else if (state < DocumentState.ComputedScopes || state === DocumentState.IndexedReferences) {
            this.kept.delete(uri); // changed itself, or to be revalidated on purpose
        }
        super.resetToState(document, state);
    }

    protected override async validate(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
        const uri = document.uri.toString();
        const kept = this.kept.get(uri);
        this.kept.delete(uri);
        if (kept && document.diagnostics === undefined) {
            document.diagnostics = kept;
            this.restored.add(uri);
            return;
        }
        await super.validate(document, cancelToken);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        try {
            await this.buildAndCompare(documents, options, cancelToken);
        } finally {
            // What the build made of closed files' syntax trees is dropped again (CstStore).
            this.trees().dropClosed();
            forgetInterned();
        }
    }

    private async buildAndCompare(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        this.restored.clear();
        if (this.lostExports) {
            this.lostExports = false;
            this.exportsChanged();
        }
        await super.buildDocuments(documents, options, cancelToken);
        await this.relinkForNewNames(documents, cancelToken);
        if (!options.validation) return;
        const folders = this.folders();
        const touched = new Set([...documents.map(d => folders.folderOf(d.uri)), ...this.deletedFrom]);
        this.deletedFrom.clear();
        // Documents that kept their diagnostics are compared like those the build did not touch.
        const built = new Set(documents.map(d => d.uri.toString()).filter(uri => !this.restored.has(uri)));
        const stale: LangiumDocument[] = [];
        for (const folder of touched) {
            for (const [doc, signature] of this.signatures(folder)) {
                const uri = doc.uri.toString();
                const before = this.seen.get(uri);
                this.seen.set(uri, signature);
                // Compared only here, for the documents the build did not validate: a first build
                // (every document validated) only keeps the answers.
                if (!built.has(uri) && doc.state === DocumentState.Validated && !sameData(before, signature)) stale.push(doc);
            }
        }
        if (stale.length > 0) await this.build(stale, { validation: true }, cancelToken);
    }

    /** Relinks (and validates) the documents the build did not touch whose references use a name some document now declares anew. */
    private async relinkForNewNames(documents: LangiumDocument[], cancelToken: CancellationToken): Promise<void> {
        if (this.newNames.size === 0) return;
        const names = new Set(this.newNames);
        this.newNames.clear();
        const built = new Set(documents.map(d => d.uri.toString()));
        const index = this.indexManager as ArchwrightIndexManager;
        const relink = this.langiumDocuments.all
            .filter(d => !built.has(d.uri.toString()) && d.state >= DocumentState.Linked && index.usesAnyName(d.uri.toString(), names)).toArray();
        if (relink.length === 0) return;
        for (const doc of relink) this.resetToState(doc, DocumentState.ComputedScopes);
        await this.build(relink, { validation: true }, cancelToken);
    }

    /** For each validated document of the folder: what the model-wide checks say about it now. */
    private signatures(folder: string): Map<LangiumDocument, unknown> {
        const folders = this.folders();
        const docs = this.langiumDocuments.all.filter(d => d.state === DocumentState.Validated && folders.folderOf(d.uri) === folder).toArray();
        const out = new Map<LangiumDocument, unknown>();
        if (docs.length === 0) return out;
        const services = this.serviceRegistry.getServices(docs[0].uri) as ArchwrightServices;
        const built = services.model.ArchModels.modelOfFolder(folder);
        let readiness: ReadonlyMap<string, unknown[]>;
        try {
            readiness = services.rules.Readiness.byUri(built);
        } catch {
            readiness = new Map(); // the document validator reports the failure
        }
        const duplicates = this.duplicatesByUri(folder);
        const architecture = built.model.architecture?.decl.name.uri ?? '';
        for (const doc of docs) {
            const uri = doc.uri.toString();
            const root = doc.parseResult.value;
            const hasArchitecture = isModel(root) && root.declarations.some(isArchitecture);
            out.set(doc, [readiness.get(uri) ?? [], duplicates.get(uri) ?? [], hasArchitecture ? architecture : '']);
        }
        return out;
    }

    /** Per URI, the ids it declares that are declared more than once in the folder, with every place. */
    private duplicatesByUri(folder: string): Map<string, string[]> {
        const out = new Map<string, string[]>();
        for (const [name, all] of this.folders().idsOf(folder)) {
            if (all.length < 2) continue;
            // In the order of files and places (ModelFolders), whatever order they were indexed in.
            const places = all.map(d => `${d.documentUri.toString()}@${JSON.stringify((d.nameSegment ?? d.selectionSegment)?.range.start)}`).join(',');
            for (const uri of new Set(all.map(d => d.documentUri.toString()))) {
                const list = out.get(uri) ?? [];
                list.push(`${name}:${places}`);
                out.set(uri, list);
            }
        }
        // Sorted too: the order of names follows the order files were indexed in.
        for (const list of out.values()) list.sort();
        return out;
    }
}

/** Structural equality of plain data (what JSON would write), stopping at the first difference. */
export function sameData(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
        return true;
    }
    // Own enumerable keys with a value, as Object.keys gives them, counted rather than listed: this
    // compares every readiness diagnostic of the folder after an edit that ran rules again.
    const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
    let defined = 0;
    for (const k in x) {
        if (!Object.hasOwn(x, k) || x[k] === undefined) continue;
        defined++;
        if (!sameData(x[k], y[k])) return false;
    }
    for (const k in y) if (Object.hasOwn(y, k) && y[k] !== undefined) defined--;
    return defined === 0;
}
