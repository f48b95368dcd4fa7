import { AstUtils, DefaultScopeProvider, type ReferenceInfo, type Scope } from 'langium';
import type { ArchwrightServices } from '../module.js';
import type { ModelFolders } from './model-folders.js';

/** The scope of a reference is every declaration of its own model (workspace folder), and nothing else. */
export class ArchwrightScopeProvider extends DefaultScopeProvider {
    private readonly folders: ModelFolders;

    constructor(services: ArchwrightServices) {
        super(services);
        this.folders = services.shared.model.ModelFolders;
    }

    override getScope(context: ReferenceInfo): Scope {
        return this.folders.scopeOf(AstUtils.getDocument(context.container).uri, this.reflection.getReferenceType(context));
    }
}
