import type { LangiumSharedCoreServices } from 'langium';
import type { URI } from 'langium';

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

}
