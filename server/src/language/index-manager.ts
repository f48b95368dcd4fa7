import { DefaultIndexManager, type AstNodeDescription, type LangiumDocument, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

/**
 * Langium's index, with each file's exports readable as they are kept (ModelFolders follows them
 * file by file), and with what each file's references point into kept as a set: after every edit
 * Langium asks of every file whether it references the changed ones, and Langium's answer reads all
 * of the file's references each time.
 */
export class ArchwrightIndexManager extends DefaultIndexManager {
    /** Per file: the other files its resolved references point into. */
    private readonly targets = new Map<string, Set<string>>();
    /** Per file: the names its references use. */
    private readonly names = new Map<string, Set<string>>();

    /**
     * Each file's exported declarations, in the index's order: a file reindexed after a change is
     * removed first and comes last. The arrays are replaced, never changed in place.
     */
    exportsByFile(): ReadonlyMap<string, readonly AstNodeDescription[]> {
        return this.symbolIndex;
    }

    override async updateReferences(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        await super.updateReferences(document, cancelToken);
        const uri = document.uri.toString();
        const targets = new Set<string>();
        const indexed = this.referenceIndex.get(uri) ?? [];
        for (let i = 0; i < indexed.length; i++) if (!indexed[i].local) targets.add(indexed[i].targetUri.toString());
        this.targets.set(uri, targets);
        const names = new Set<string>();
        const references = document.references;
        for (let i = 0; i < references.length; i++) names.add(references[i].$refText);
        this.names.set(uri, names);
    }

    /** Whether a reference of the file at `uri` uses one of the names (as its text). */
    usesAnyName(uri: string, names: ReadonlySet<string>): boolean {
        const used = this.names.get(uri);
        if (!used) return false;
        for (const name of names) if (used.has(name)) return true;
        return false;
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.targets.delete(uri.toString());
        this.names.delete(uri.toString());
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.targets.get(document.uri.toString());
        if (!targets) return false;
        for (const uri of changedUris) if (targets.has(uri)) return true;
        return false;
    }
}
