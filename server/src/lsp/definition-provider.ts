import { AstUtils, type CstNode } from 'langium';
import { DefaultDefinitionProvider, type GoToLink } from 'langium/lsp';

/**
 * Go to definition on an id or on one segment of a dotted path. ArchwrightReferences picks the
 * element a segment names; here the link starts at that segment only, not at the whole path
 * (Langium's default widens it to the whole datatype rule).
 */
export class ArchwrightDefinitionProvider extends DefaultDefinitionProvider {
    protected override findLinks(source: CstNode): GoToLink[] {
        return this.references.findDeclarationNodes(source).map(target => ({
            source,
            target,
            targetDocument: AstUtils.getDocument(target.astNode)
        }));
    }
}
