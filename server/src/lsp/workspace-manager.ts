import { DefaultWorkspaceManager, type LangiumDocument, type Stream, type URI } from 'langium';

/**
 * Langium's workspace manager loads every file of the workspace at once and gives up on all of
 * them when one fails to load (it was deleted after being listed, for instance): the workspace
 * then never becomes ready and every request waits forever. Here each file loads on its own, and
 * one that cannot be loaded is left out and named in the log. (Files that can be read but are not
 * UTF-8 text are handled by TextFileSystemProvider, with a diagnostic on the file.)
 */
export class ArchwrightWorkspaceManager extends DefaultWorkspaceManager {
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.map(async uri => {
            try {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            } catch (error) {
                console.warn(`Archwright: ${uri.fsPath} cannot be read and is left out (${error instanceof Error ? error.message : String(error)}).`);
            }
        }));
    }
}
