import { DocumentState, MultiMapScope, stream, type AstNodeDescription, type LangiumSharedCoreServices, type Scope, type Stream, type URI, type WorkspaceManager } from 'langium';
import type { ArchwrightIndexManager } from './index-manager.js';

/**
 * One model per workspace folder: every `.arch` file under a folder belongs to its model. Files
 * outside every folder (and all files when there are no folders, as on the command line) form
 * one model together.
 */
export class ModelFolders {
    /** Answers per URI, for the workspace folders they were computed with (checks call this per declaration). */
    private readonly known = new Map<string, string>();
    private knownFor: unknown;

    /** Per folder: its declarations, kept in step with the index file by file. */
    private readonly folderIndexes = new Map<string, FolderIndex>();
    /** Counts the changes to the index (an update, an indexing); a folder's index is brought in step when it lags. */
    private generation = 0;
    private listening = false;
    /** Per folder and reference type. */
    private readonly scopes = new Map<string, Map<string, Scope>>();
    /** Resolved once: each lookup through the service container goes through a proxy. */
    private workspaceManager?: WorkspaceManager;

    constructor(private readonly shared: LangiumSharedCoreServices) {}

    /** The key of the model the document at `uri` belongs to: its workspace folder's URI, or ''. */
    folderOf(uri: URI | string): string {
        const text = typeof uri === 'string' ? uri : uri.toString();
        const folders = (this.workspaceManager ??= this.shared.workspace.WorkspaceManager).workspaceFolders;
        if (folders !== this.knownFor) {
            this.known.clear();
            this.folderIndexes.clear();
            this.knownFor = folders;
        }
        let best = this.known.get(text);
        if (best !== undefined) return best;
        best = '';
        for (const folder of folders ?? []) {
            const root = folder.uri.endsWith('/') ? folder.uri : folder.uri + '/';
            if (text.startsWith(root) && root.length > best.length) best = root;
        }
        this.known.set(text, best);
        return best;
    }

    sameModel(a: URI | string, b: URI | string): boolean {
        return this.folderOf(a) === this.folderOf(b);
    }

    /** Every indexed declaration (ids and dotted paths) of the model that `uri` belongs to, optionally of one AST type, in the index's order. */
    declarationsOf(uri: URI | string, type?: string): Stream<AstNodeDescription> {
        return this.entriesOf(this.folderOf(uri), type);
    }

    private entriesOf(folder: string, type?: string): Stream<AstNodeDescription> {
        const { files } = this.indexOf(folder);
        const reflection = this.shared.AstReflection;
        return stream(files.values()).flatMap(exports => exports).filter(d => !type || reflection.isSubtype(d.type, type));
    }

    /**
     * The ids declared in a folder's model (not dotted paths, not instances), each with every
     * declaration of it: more than one is a duplicate id.
     */
    idsOf(folder: string): ReadonlyMap<string, readonly AstNodeDescription[]> {
        return this.indexOf(folder).ids;
    }

    /**
     * What a reference of `type` in the document at `uri` can name: the declarations of its model
     * of that type (or a subtype), the first of a name winning (in the order of files and places). The scope
     * reads the folder's index as it is when asked, so it is made once per folder and type.
     */
    scopeOf(uri: URI | string, type: string): Scope {
        const folder = this.folderOf(uri);
        let byType = this.scopes.get(folder);
        if (!byType) this.scopes.set(folder, byType = new Map());
        let scope = byType.get(type);
        if (!scope) {
            const reflection = this.shared.AstReflection;
            const fits = (d: AstNodeDescription) => reflection.isSubtype(d.type, type);
            const named = (name: string) => this.indexOf(folder).byName.get(name) ?? [];
            // All of them (for completion) grouped by name, names in the order the index first has them, as Langium's MultiMapScope gives them.
            let all: { index: FolderIndex; generation: number; elements: AstNodeDescription[] } | undefined;
            const allElements = () => {
                const index = this.indexOf(folder);
                if (all?.index !== index || all.generation !== index.generation) {
                    all = { index, generation: index.generation, elements: new MultiMapScope(this.entriesOf(folder, type)).getAllElements().toArray() };
                }
                return all.elements;
            };
            scope = {
                getElement: name => named(name).find(fits),
                getElements: name => stream(named(name)).filter(fits),
                getAllElements: () => stream(allElements())
            };
            byType.set(type, scope);
        }
        return scope;
    }

    private indexOf(folder: string): FolderIndex {
        if (!this.listening) {
            // Langium's own caches clear at these two moments; here they mark every folder as lagging.
            const builder = this.shared.workspace.DocumentBuilder;
            builder.onUpdate(() => { this.generation++; });
            builder.onBuildPhase(DocumentState.IndexedContent, () => { this.generation++; });
            this.listening = true;
        }
        let index = this.folderIndexes.get(folder);
        if (!index) this.folderIndexes.set(folder, index = new FolderIndex());
        if (index.generation !== this.generation) {
            const byFile = (this.shared.workspace.IndexManager as ArchwrightIndexManager).exportsByFile();
            const current: [string, readonly AstNodeDescription[]][] = [];
            for (const [uri, exports] of byFile) if (this.folderOf(uri) === folder) current.push([uri, exports]);
            index.follow(current);
            index.generation = this.generation;
        }
        return index;
    }
}

/** One folder's declarations, by file (in the index's order) and by name (in the order of files and places). */
class FolderIndex {
    /** Each file's exports (the index's own arrays), in the index's order. */
    files = new Map<string, readonly AstNodeDescription[]>();
    /** Every declaration (ids and dotted paths) by name. */
    readonly byName = new Map<string, AstNodeDescription[]>();
    /** Ids only (not dotted paths, not instances), each with every declaration of it. */
    readonly ids = new Map<string, AstNodeDescription[]>();
    generation = -1;

    /**
     * Brings the index in step with the files' current exports. When the files whose exports
     * changed are all at the end (the index manager removes a changed file and adds it again
     * last), only their declarations that changed are taken out and added: an edit costs what the
     * edited file declares, not what the model does, and what it changed, when the file keeps
     * the descriptions of its unchanged declarations (ArchwrightScopeComputation does). Otherwise
     * it is rebuilt.
     */
    follow(current: readonly (readonly [string, readonly AstNodeDescription[]])[]): void {
        const unchanged = current.filter(([uri, exports]) => this.files.get(uri) === exports).map(([uri]) => uri);
        const stay = new Set(unchanged);
        const before = [...this.files.keys()].filter(uri => stay.has(uri));
        const inStep = unchanged.every((uri, i) => current[i][0] === uri && before[i] === uri);
        if (inStep) {
            const now = new Set(current.map(([uri]) => uri));
            for (const [uri, exports] of this.files) if (!stay.has(uri) && !now.has(uri)) this.remove(exports);
            for (const [uri, exports] of current.slice(unchanged.length)) {
                const was = this.files.get(uri);
                if (was) this.replace(was, exports);
                else this.add(exports);
            }
        } else {
            this.byName.clear();
            this.ids.clear();
            for (const [, exports] of current) this.add(exports);
        }
        this.files = new Map(current);
    }

    private add(exports: readonly AstNodeDescription[]): void {
        for (const d of exports) {
            insert(this.byName, d.name, d);
            if (isId(d)) insert(this.ids, d.name, d);
        }
    }

    /**
     * A file's exports from WAS to NOW: the descriptions in only one of them taken out or added.
     * One kept in both stays where it is in its name's list: it is of an unchanged declaration,
     * which keeps its order among the file's others, and the lists are ordered by file first.
     */
    private replace(was: readonly AstNodeDescription[], now: readonly AstNodeDescription[]): void {
        const kept = new Set(now);
        this.remove(was.filter(d => !kept.has(d)));
        const known = new Set(was);
        this.add(now.filter(d => !known.has(d)));
    }

    private remove(exports: readonly AstNodeDescription[]): void {
        for (const d of exports) {
            removeFrom(this.byName, d.name, d);
            if (isId(d)) removeFrom(this.ids, d.name, d);
        }
    }
}

function isId(d: AstNodeDescription): boolean {
    return !d.name.includes('.') && d.type !== 'Instance';
}

/**
 * Adds a declaration to the list of its name, which is kept in the order of files (by URI) and of
 * places in a file: a reference to an id declared twice resolves to the first, whatever order the
 * files were last indexed in (a fresh build and one after edits resolve it alike).
 */
function insert(map: Map<string, AstNodeDescription[]>, key: string, value: AstNodeDescription): void {
    const list = map.get(key);
    if (!list) {
        map.set(key, [value]);
        return;
    }
    let at = list.length;
    while (at > 0 && before(value, list[at - 1])) at--;
    list.splice(at, 0, value);
}

function before(a: AstNodeDescription, b: AstNodeDescription): boolean {
    const ua = a.documentUri.toString(), ub = b.documentUri.toString();
    if (ua !== ub) return ua < ub;
    return (a.nameSegment?.offset ?? 0) < (b.nameSegment?.offset ?? 0);
}

function removeFrom<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    const at = list?.indexOf(value) ?? -1;
    if (!list || at < 0) return;
    if (list.length === 1) map.delete(key);
    else list.splice(at, 1);
}
