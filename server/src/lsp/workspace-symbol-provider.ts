import { AstUtils, type AstNodeDescription } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol } from 'vscode-languageserver';
import { isNamed } from '../language/generated/ast.js';
import { symbolKindOf } from './declaration-symbols.js';

/**
 * Every declaration of the workspace, with the kind the outline gives it and the id of what
 * contains it. A nested element is exported twice, by id and by dotted path (`shop.orders`), so
 * that both resolve; the symbol search lists it once, by id.
 */
export class ArchwrightWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    protected override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        if (description.name.includes('.')) return undefined;
        const symbol = super.getWorkspaceSymbol(description);
        const node = description.node;
        if (!symbol || !node) return symbol;
        const container = AstUtils.getContainerOfType(node.$container, isNamed);
        return { ...symbol, kind: symbolKindOf(node), ...(container ? { containerName: container.name } : {}) };
    }
}
