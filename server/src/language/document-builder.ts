import type { ModelFolders } from './model-folders.js';
import { DefaultDocumentBuilder, DocumentState, type LangiumSharedCoreServices, type URI } from 'langium';

/**
 * The readiness rules and duplicate-id read the whole model, so a change in one file can change
 * the diagnostics of every other file of the same model. After each update, the other documents
 * are revalidated (not relinked: that stays Langium's incremental decision).
 */
export class ArchwrightDocumentBuilder extends DefaultDocumentBuilder {
    private readonly folders: () => ModelFolders;

    constructor(services: LangiumSharedCoreServices & { model: { ModelFolders: ModelFolders } }) {
        super(services);
        this.folders = () => services.model.ModelFolders;
        this.onUpdate((changed, deleted) => this.revalidateModelsOf([...changed, ...deleted]));
    }

    private revalidateModelsOf(uris: URI[]): void {
        if (uris.length === 0) return;
        const folders = this.folders();
        const touched = new Set(uris.map(u => folders.folderOf(u)));
        for (const doc of this.langiumDocuments.all) {
            if (doc.state === DocumentState.Validated && touched.has(folders.folderOf(doc.uri))) {
                this.resetToState(doc, DocumentState.IndexedReferences);
            }
        }
    }
}
