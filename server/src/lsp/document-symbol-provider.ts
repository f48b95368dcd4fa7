import type { AstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { childrenOf } from '../util/ast-walk.js';
import { pushAll } from '../util/arrays.js';
import { declarationSymbol } from './declaration-symbols.js';

/**
 * The outline, nested like the file: systems hold their parts, deployments their regions, zones
 * and nodes. Flows (`a -> b`) and the architecture block have no id, so Langium's default, which
 * lists only named nodes, would leave them out.
 */
export class ArchwrightDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override getSymbol(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        const declaration = declarationSymbol(node);
        if (!declaration || !node.$cstNode) return this.getChildSymbols(document, node) ?? [];
        const { name, kind, detail, selectionRange } = declaration;
        return [{ name, kind, detail, range: node.$cstNode.range, selectionRange, children: this.getChildSymbols(document, node) }];
    }

    /** Langium's, over the same children in the same order, without a stream per node. */
    protected override getChildSymbols(document: LangiumDocument, node: AstNode): DocumentSymbol[] | undefined {
        const symbols: DocumentSymbol[] = [];
        for (const child of childrenOf(node)) pushAll(symbols, this.getSymbol(document, child));
        return symbols.length > 0 ? symbols : undefined;
    }
}
