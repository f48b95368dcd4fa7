import type { AstNodeDescription, LangiumSharedCoreServices, Stream, URI } from 'langium';

/**
 * One model per workspace folder: every `.arch` file under a folder belongs to its model. Files
 * outside every folder (and all files when there are no folders, as on the command line) form
 * one model together.
 */
export class ModelFolders {
    /** Answers per URI, for the workspace folders they were computed with (checks call this per declaration). */
    private readonly known = new Map<string, string>();
    private knownFor: unknown;

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
        const folder = this.folderOf(uri);
        return this.shared.workspace.IndexManager.allElements(type).filter(d => this.folderOf(d.documentUri) === folder);
    }
}
