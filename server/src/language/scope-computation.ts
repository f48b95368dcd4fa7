import { AstUtils, DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { isElement, isModel, type Element } from './generated/ast.js';

/**
 * Every declaration is global to its model: exported under its id and, for an element nested in
 * others, also under its dotted path from the top-level element (`shop.orders`).
 */
export class ArchwrightScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken?: CancellationToken): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        const root = document.parseResult.value;
        if (!isModel(root)) return exports;
        for (const node of AstUtils.streamAllContents(root)) {
            if (cancelToken?.isCancellationRequested) break;
            const name = this.nameProvider.getName(node);
            if (!name) continue;
            exports.push(this.descriptions.createDescription(node, name, document));
            if (isElement(node) && isElement(node.$container)) {
                exports.push(this.descriptions.createDescription(node, qualifiedName(node), document));
            }
        }
        return exports;
    }

    // Nothing is local: all names live in the model-wide (global) scope.
    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

/** `shop.orders`: the ids from the top-level element down to this one. */
export function qualifiedName(element: Element): string {
    const parts: string[] = [element.name];
    let current: AstNode | undefined = element.$container;
    while (isElement(current)) {
        parts.unshift(current.name);
        current = current.$container;
    }
    return parts.join('.');
}
