import { DefaultScopeProvider, MultiMapScope, WorkspaceCache, AstUtils, type ReferenceInfo, type Scope } from 'langium';
import type { ArchwrightServices } from '../module.js';
import type { ModelFolders } from './model-folders.js';

/** The scope of a reference is every declaration of its own model (workspace folder), and nothing else. */
export class ArchwrightScopeProvider extends DefaultScopeProvider {
    private readonly folders: ModelFolders;
    private readonly folderScopes: WorkspaceCache<string, Scope>;

    constructor(services: ArchwrightServices) {
        super(services);
        this.folders = services.shared.model.ModelFolders;
        this.folderScopes = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const uri = AstUtils.getDocument(context.container).uri;
        const folder = this.folders.folderOf(uri);
        return this.folderScopes.get(`${folder}\u0000${referenceType}`, () => new MultiMapScope(this.folders.declarationsOf(uri, referenceType)));
    }
}
