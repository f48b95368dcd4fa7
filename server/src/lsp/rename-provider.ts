import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type { ModelFolders } from '../language/model-folders.js';
import { describeKind } from '../language/reference-kinds.js';
import type { ArchwrightServices } from '../module.js';

/** The grammar's ID terminal, whole: a letter or `_`, then letters, digits, `_`, single inner `-`. */
const ID = /^[_a-zA-Z][a-zA-Z0-9_]*(-[a-zA-Z0-9_]+)*$/;

/**
 * Rename across the files of one model. ArchwrightReferences narrows each use to its own segment
 * of a dotted path, so `shop.orders` becomes `shop.new-name`. A new name that is not an id, or that
 * another declaration of the model already has, is refused with a message the editor shows,
 * because ids are unique across the model.
 */
export class ArchwrightRenameProvider extends DefaultRenameProvider {
    private readonly folders: ModelFolders;

    constructor(services: ArchwrightServices) {
        super(services);
        this.folders = services.shared.model.ModelFolders;
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params);
        if (target) this.checkNewName(target, params.newName);
        return super.rename(document, params, cancelToken);
    }

    private targetAt(document: LangiumDocument, params: RenameParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    private checkNewName(target: AstNode, newName: string): void {
        if (!ID.test(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams,
                `'${newName}' is not an id: start with a letter or _, then letters, digits, _ and single inner - (like orders-db).`);
        }
        const uri = AstUtils.getDocument(target).uri;
        const taken = this.folders.declarationsOf(uri).find(d => d.name === newName && d.node !== target);
        if (taken) {
            const where = `${taken.documentUri.path.split('/').pop()}:${(taken.nameSegment?.range.start.line ?? 0) + 1}`;
            throw new ResponseError(ErrorCodes.InvalidParams,
                `'${newName}' is already the id of ${taken.node ? describeKind(taken.node) : 'a declaration'} (${where}); ids must be unique across the model.`);
        }
    }
}
