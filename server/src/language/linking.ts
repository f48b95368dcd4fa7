import { DefaultLinker, DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { referencesOf, walkAst } from '../util/ast-walk.js';

/** Langium's linker, walking the file without a stream per node (see util/ast-walk.ts). */
export class ArchwrightLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
        await walkAst(document.parseResult.value, node => {
            for (const ref of referencesOf(node)) this.doLink(ref, document);
        }, cancelToken);
    }
}

/** Langium's index of references, collected without a stream per node (see util/ast-walk.ts). */
export class ArchwrightReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken: CancellationToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await walkAst(document.parseResult.value, node => {
            for (const ref of referencesOf(node)) {
                if (!ref.reference.error) descriptions.push(...this.createInfoDescriptions(ref));
            }
        }, cancelToken);
        return descriptions;
    }
}
