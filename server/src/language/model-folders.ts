import { DocumentState, stream, WorkspaceCache, type AstNodeDescription, type LangiumSharedCoreServices, type Stream, type URI } from 'langium';

/**
 * One model per workspace folder: every `.arch` file under a folder belongs to its model. Files
 * outside every folder (and all files when there are no folders, as on the command line) form
 * one model together.
 */
export class ModelFolders {
    /** Answers per URI, for the workspace folders they were computed with (checks call this per declaration). */
    private readonly known = new Map<string, string>();
    private knownFor: unknown;

    /** Per folder: its index entries, and its ids by name; gathered once per indexing, not per question. */
    private folderIndex?: WorkspaceCache<string, { entries: AstNodeDescription[]; ids: Map<string, AstNodeDescription[]> }>;

    constructor(private readonly shared: LangiumSharedCoreServices) {}

    /** The key of the model the document at `uri` belongs to: its workspace folder's URI, or ''. */
    folderOf(uri: URI | string): string {
        const text = typeof uri === 'string' ? uri : uri.toString();
        const folders = this.shared.workspace.WorkspaceManager.workspaceFolders;
        if (folders !== this.knownFor) {
            this.known.clear();
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

    /** Every indexed declaration (ids and dotted paths) of the model that `uri` belongs to, optionally of one AST type. */
    declarationsOf(uri: URI | string, type?: string): Stream<AstNodeDescription> {
        const { entries } = this.indexOf(this.folderOf(uri));
        const reflection = this.shared.AstReflection;
        return stream(entries).filter(d => !type || reflection.isSubtype(d.type, type));
    }

    /**
     * The ids declared in a folder's model (not dotted paths, not instances), each with every
     * declaration of it: more than one is a duplicate id.
     */
    idsOf(folder: string): ReadonlyMap<string, readonly AstNodeDescription[]> {
        return this.indexOf(folder).ids;
    }

    private indexOf(folder: string): { entries: AstNodeDescription[]; ids: Map<string, AstNodeDescription[]> } {
        // Evicted when a build has indexed what it changed (and when a file is deleted).
        this.folderIndex ??= new WorkspaceCache(this.shared, DocumentState.IndexedContent);
        return this.folderIndex.get(folder, () => {
            const entries = this.shared.workspace.IndexManager.allElements().filter(d => this.folderOf(d.documentUri) === folder).toArray();
            const ids = new Map<string, AstNodeDescription[]>();
            for (const d of entries) {
                if (d.name.includes('.') || d.type === 'Instance') continue;
                const list = ids.get(d.name);
                if (list) list.push(d);
                else ids.set(d.name, [d]);
            }
            return { entries, ids };
        });
    }
}
